import json
from pathlib import Path

from typer.testing import CliRunner

from cmlint.cli.app import app

SALES = "Обязанности:\n- холодные звонки\n- выполнение плана продаж\n- ведение сделок в CRM"
COURIER = "Обязанности:\n- доставка заказов клиентам по адресам\n- соблюдение сроков доставки\n- выдача заказов и приём оплаты\n- работа по маршруту в пределах города\nТребования: готовность много ходить пешком"
GOOD = "Обязанности:\n- организовывать митапы участников\n- знакомить новичков друг с другом\n- модерировать чат сообщества"


def test_evaluate_labeled_and_retitled(tmp_path: Path) -> None:
    labeled = tmp_path / "labeled.jsonl"
    rows = [
        {"id": "1", "title": "Комьюнити-менеджер", "text": SALES, "confused": True, "title_role": "community", "actual_role": "sales"},
        {"id": "2", "title": "Комьюнити-менеджер", "text": GOOD, "confused": False, "title_role": "community", "actual_role": "community"},
        {"id": "3", "title": "Менеджер по продажам", "text": SALES, "title_family": "sales"},
        {"id": "4", "title": "Курьер", "text": COURIER},
        {"id": "5", "title": "Работа мечты", "text": COURIER},
    ]
    labeled.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(labeled), "--format", "json"])
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["labeled"]["cm001"] == {"tp": 1, "fp": 0, "fn": 0, "tn": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert data["labeled"]["top1_accuracy"] == 1.0
    assert data["own_titles"]["postings"] == 3 and data["own_titles"]["flagged"] == 0
    family, occupation = data["retitled"]["family"], data["retitled"]["occupation"]
    assert (family["postings"], family["flagged_share"], family["top2_share"]) == (1, 1.0, 1.0)
    assert (occupation["by_role"], occupation["flagged_share"], occupation["top2_share"]) == ({"courier": 1}, 1.0, 1.0)
    assert data["retitled"]["unknown"] == 1  # «Работа мечты» names no role
    text = CliRunner().invoke(app, ["evaluate", str(labeled)])
    assert "F1 1,000" in text.stdout and "другие профессии: 1 вакансия, CM001 100,0\u00a0%" in text.stdout


def test_evaluate_bad_corpus_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "title": "x", "text": "y"}\n{oops\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 2
    assert "bad.jsonl:2" in result.output


def test_evaluate_names_labelled_roles_the_taxonomy_does_not_know(tmp_path: Path) -> None:
    """A label no suggestion can name («teaching» for «teacher») counts as wrong, and the output says which."""
    path = tmp_path / "labels.jsonl"
    rows = [
        {"id": "1", "title": "Курьер", "text": COURIER, "confused": False, "actual_role": "courier"},
        {"id": "2", "title": "Курьер", "text": COURIER, "confused": False, "actual_role": "couriering"},
        {"id": "3", "title": "Курьер", "text": COURIER, "confused": False, "actual_role": "couriering"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    data = json.loads(CliRunner().invoke(app, ["evaluate", str(path), "--format", "json"]).stdout)
    assert data["labeled"]["unknown_roles"] == {"couriering": 2}
    assert data["labeled"]["wrong_role"] == ["2", "3"]
    text = CliRunner().invoke(app, ["evaluate", str(path)]).stdout
    assert "нет в таксономии (засчитаны как неверные): «couriering» — 2 вакансии" in text
