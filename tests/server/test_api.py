"""The JSON API: answers, the library's reports, and a clear 4xx JSON error for every kind of bad input."""

from __future__ import annotations

import io
import json
import logging
import zipfile

import pytest
from fastapi.testclient import TestClient
from server_samples import SALES_TEXT, TITLE

from cmlint import Linter, Report


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
    assert "Traceback" not in response.text
    return body["error"]


def test_healthz(client: TestClient, linter: Linter) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["workers"] == 2
    assert body["ruleset_version"] == linter.ruleset_version


def test_lint_returns_the_library_report(client: TestClient, linter: Linter) -> None:
    response = client.post("/v1/lint", json={"text": SALES_TEXT, "title": TITLE, "id": 42})
    assert response.status_code == 200
    report = Report.model_validate(response.json())
    assert report.codes()[0] == "CM001"
    assert report.suggested_titles[0].title == "Менеджер по продажам"
    assert report.findings[0].suggestions[0].edits[0].replacement == "Менеджер по продажам"
    assert report.id == "42" and report.tool_version and report.ruleset_version
    assert response.json() == linter.lint(SALES_TEXT, title=TITLE, id="42").model_dump(mode="json")


def test_lint_with_a_markup_format(client: TestClient, linter: Linter) -> None:
    html = "<h1>Комьюнити-менеджер</h1><ul><li>холодные звонки</li><li>план продаж</li><li>сделки в CRM</li></ul>"
    response = client.post("/v1/lint", json={"text": html, "format": "html"})
    assert response.json() == linter.lint(html, format="html").model_dump(mode="json")


@pytest.mark.parametrize(
    ("body", "status", "code", "field"),
    [
        (b'{"text": ', 400, "invalid-json", None),
        (b"\xff\xfe{}", 400, "invalid-json", None),
        (b"", 400, "invalid-json", None),
        (b"[" * 5000 + b"]" * 5000, 400, "invalid-json", None),
        (b'{"text": "x", "id": ' + b"9" * 5000 + b"}", 400, "invalid-json", None),  # Python will not make that int
        (b'{"text": "x", "salary": 1e400}', 400, "invalid-json", None),
        (b'{"text": "x", "salary": NaN}', 400, "invalid-json", None),
        (b'["text"]', 422, "invalid-request", None),
        (b'{"text": 5}', 422, "invalid-request", "text"),
        (b'{"text": "x", "title": ["a"]}', 422, "invalid-request", "title"),
        (b'{"text": "x", "id": true}', 422, "invalid-request", "id"),
        (b'{"title": "x"}', 422, "invalid-request", "text"),
        (b'{"text": "x", "format": "docx"}', 422, "invalid-request", "format"),
        (b'{"text": "x", "colour": "red"}', 422, "invalid-request", "colour"),
        (b'{"text": "x", "Colour": "red"}', 422, "invalid-request", "Colour"),
    ],
)
def test_bad_input_is_a_clear_json_error(client: TestClient, body: bytes, status: int, code: str, field: str | None) -> None:
    error = _error(client.post("/v1/lint", content=body, headers={"content-type": "application/json"}), status, code)
    if field is not None:
        assert [d["field"] for d in error["details"]] == [field]
        assert all(ch.isascii() is False for ch in error["details"][0]["problem"][:1])  # the problem is said in Russian


def test_russian_wording_of_errors(client: TestClient) -> None:
    assert _error(client.post("/v1/lint", json={"text": 5}), 422, "invalid-request")["message"] == "text: ожидается строка"
    message = _error(client.post("/v1/lint", json={"text": "x", "format": "docx"}), 422, "invalid-request")["message"]
    assert message == "format: допустимые значения: plain, markdown, html, telegram"
    assert "строке 1" in _error(client.post("/v1/lint", content=b"{oops}"), 400, "invalid-json")["message"]


def test_five_megabytes_is_413_by_length_and_by_stream(client: TestClient) -> None:
    big = json.dumps({"text": "а" * (5 * 1024 * 1024)}).encode()
    assert "2\u202f097\u202f152 байт" in _error(client.post("/v1/lint", content=big), 413, "too-large")["message"]

    def chunks():
        for start in range(0, len(big), 65536):
            yield big[start:start + 65536]

    _error(client.post("/v1/lint", content=chunks()), 413, "too-large")
    _error(client.post("/v1/lint", content=b"{}", headers={"content-length": "x"}), 400, "bad-request")


def test_unknown_address_and_method(client: TestClient) -> None:
    _error(client.get("/v1/nothing"), 404, "not-found")
    _error(client.get("/v1/lint"), 405, "method-not-allowed")


def test_rules(client: TestClient, linter: Linter) -> None:
    rules = client.get("/v1/rules").json()
    assert [r["code"] for r in rules] == [spec.code for spec, _ in linter.active_rules()]
    cm001 = client.get("/v1/rules/CM001").json()
    assert cm001["severity"] == "warning" and cm001["severity_label"] == "предупреждение"
    assert cm001["explanation"]["why"] and cm001["summary"]
    assert client.get("/v1/rules/role-confusion").json() == cm001
    assert "XX9" in _error(client.get("/v1/rules/XX9"), 404, "not-found")["message"]


def test_labels(client: TestClient) -> None:
    labels = client.get("/v1/labels").json()
    assert labels["sales"] == "продажи" and labels["community"] == "комьюнити"


def test_fix_all(client: TestClient) -> None:
    body = client.post("/v1/fix", json={"text": SALES_TEXT, "title": TITLE}).json()
    assert body["title"] == "Менеджер по продажам"
    assert "Ищем менеджера по продажам" in body["text"]
    assert [a["code"] for a in body["applied"]] == ["CM001"]
    assert "CM001" not in [f["code"] for f in body["report"]["findings"]]


def test_fix_one_chosen_fix(client: TestClient) -> None:
    text = "Комьюнити-менеджер\nОбязанности:\n- холодные звонки\n- план продаж\n- сделки в CRM\nТребуется продажник со стрессоустойчивостью."
    report = client.post("/v1/lint", json={"text": text}).json()
    jargon = next(i for i, f in enumerate(report["findings"]) if f["code"] == "SY003")
    body = client.post("/v1/fix", json={"text": text, "fixes": [[jargon, 0]]}).json()
    assert [a["code"] for a in body["applied"]] == ["SY003"]
    assert body["text"].startswith("Комьюнити-менеджер\n") and "продажник" not in body["text"]
    stale = client.post("/v1/fix", json={"text": text, "fixes": [[99, 0]]})
    assert "[99, 0]" in _error(stale, 409, "stale-fix")["message"]
    _error(client.post("/v1/fix", json={"text": text, "fixes": [[0]]}), 422, "invalid-request")


def test_batch_streams_one_line_per_input_in_order(client: TestClient, linter: Linter) -> None:
    lines = [
        json.dumps({"id": "a", "title": TITLE, "text": SALES_TEXT}, ensure_ascii=False),
        "not json",
        "",
        json.dumps({"text": 5}),
        json.dumps({"id": 7, "text": "Комьюнити-менеджер\nОбязанности:\n- проводить встречи участников клуба\nЗарплата 90 000 ₽"}, ensure_ascii=False),
    ]
    response = client.post("/v1/lint/batch", content="\n".join(lines).encode())
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    out = [json.loads(line) for line in response.text.splitlines()]
    assert [o["record"] for o in out] == [1, 2, 4, 5]  # the blank line 3 is not a posting
    assert out[0]["report"] == linter.lint(SALES_TEXT, title=TITLE, id="a").model_dump(mode="json")
    assert out[1]["error"]["kind"] == "malformed" and "не JSON" in out[1]["error"]["message"]
    assert out[2]["error"]["message"] == "text: ожидается строка"
    assert out[3]["id"] == "7" and out[3]["report"]["findings"] == []


def test_batch_line_limit(client: TestClient) -> None:
    long_line = json.dumps({"text": "а" * (3 * 1024 * 1024)})
    ok = json.dumps({"text": "Обязанности: проводить встречи"}, ensure_ascii=False)
    out = [json.loads(line) for line in client.post("/v1/lint/batch", content=f"{long_line}\n{ok}\n".encode()).text.splitlines()]
    assert "строка длиннее" in out[0]["error"]["message"] and out[1]["report"] is not None


def test_batch_a_number_too_long_costs_its_line_only(client: TestClient) -> None:
    """A 5 000-digit id cut the stream after the line before it (Python refuses to make such an int)."""
    ok = json.dumps({"text": "Обязанности: проводить встречи"}, ensure_ascii=False)
    body = '{"id": ' + "9" * 5000 + ', "text": "x"}\n' + ok + "\n"
    out = [json.loads(line) for line in client.post("/v1/lint/batch", content=body.encode()).text.splitlines()]
    assert "число длиннее 100 цифр" in out[0]["error"]["message"] and out[1]["report"] is not None


def test_extract_text_files(client: TestClient) -> None:
    text = "Комьюнити-менеджер\nОбязанности: встречи участников"
    assert client.post("/v1/extract?filename=a.txt", content=text.encode("cp1251")).json() == {"text": text, "format": "plain"}
    assert client.post("/v1/extract?filename=a.md", content=b"# X\n- a").json() == {"text": "# X\n- a", "format": "markdown"}
    html = client.post("/v1/extract?filename=a.html", content="<h1>Вакансия</h1><ul><li>встречи</li></ul>".encode()).json()
    assert html["format"] == "plain" and "<" not in html["text"] and "Вакансия" in html["text"] and "встречи" in html["text"]


def test_extract_docx(client: TestClient) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Комьюнити-менеджер", style="Title")
    document.add_paragraph("Обязанности:")
    document.add_paragraph("проводить встречи участников", style="List Bullet")
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "Зарплата 90 000 ₽"
    buffer = io.BytesIO()
    document.save(buffer)
    body = client.post("/v1/extract?filename=Черновик.DOCX", content=buffer.getvalue()).json()
    assert body == {"text": "Комьюнити-менеджер\nОбязанности:\n- проводить встречи участников\nЗарплата 90 000 ₽\n", "format": "plain"}


def test_extract_refuses_what_it_cannot_read(client: TestClient) -> None:
    _error(client.post("/v1/extract?filename=a.pdf", content=b"%PDF"), 415, "unsupported-file")
    message = _error(client.post("/v1/extract?filename=a.docx", content=b"not a zip"), 422, "unreadable-file")["message"]
    assert message == "это не документ Word (.docx): файл не архив .docx"
    empty_zip = io.BytesIO()
    zipfile.ZipFile(empty_zip, "w").close()
    message = _error(client.post("/v1/extract?filename=a.docx", content=empty_zip.getvalue()), 422, "unreadable-file")["message"]
    assert message == "это не документ Word (.docx): в архиве нет текста документа"
    _error(client.post("/v1/extract?filename=a.txt", content=b""), 422, "empty-file")
    _error(client.post("/v1/extract?filename=a.txt", content=bytes(range(256)) * 4), 422, "unreadable-file")
    assert _error(client.post("/v1/extract", content=b"x"), 422, "invalid-request")["details"][0]["field"] == "filename"


def test_openapi_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/v1/lint", "/v1/lint/batch", "/v1/fix", "/v1/rules", "/v1/rules/{code}", "/healthz"} <= set(schema["paths"])
    body = schema["paths"]["/v1/lint"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert set(body["properties"]) == {"text", "title", "id", "format", "salary"}
    assert set(body["$defs"]["SalaryRange"]["properties"]) == {"from", "to", "currency", "gross"}


def test_a_salary_kept_apart_is_read_like_the_librarys(client: TestClient, linter: Linter) -> None:
    text = "Обязанности:\n- звонки клиентам\n- ведение CRM"
    assert "ST004" in {f["code"] for f in client.post("/v1/lint", json={"text": text}).json()["findings"]}
    for salary in ({"from": 80000, "to": 120000, "currency": "RUR", "gross": False}, "от 80 000 ₽", 90000):
        response = client.post("/v1/lint", json={"text": text, "salary": salary})
        assert response.status_code == 200 and "ST004" not in {f["code"] for f in response.json()["findings"]}
    answer = client.post("/v1/lint", json={"text": text, "salary": "по договорённости"}).json()
    assert answer == linter.lint(text, salary="по договорённости").model_dump(mode="json")


@pytest.mark.parametrize(
    ("salary", "field", "problem"),
    [
        ({"from": -1}, "salary.from", "ожидается число не меньше нуля"),
        ({"frm": 1}, "salary.frm", "неизвестное поле"),
        ({"From": 1}, "salary.From", "неизвестное поле"),
        ({"low": 1}, "salary.low", "неизвестное поле"),  # the model's own field names are no aliases of «from»
        (True, "salary", "ожидается строка или целое число или объект"),
        ("х" * 1001, "salary", "строка не длиннее 1000 символов"),
        ({"currency": "х" * 1001}, "salary.currency", "строка не длиннее 1000 символов"),
    ],
)
def test_a_bad_salary_names_its_field(client: TestClient, salary: object, field: str, problem: str) -> None:
    error = _error(client.post("/v1/lint", json={"text": "x", "salary": salary}), 422, "invalid-request")
    assert [(d["field"], d["problem"]) for d in error["details"]] == [(field, problem)]


def test_page_is_offline_and_locked_down(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200
    combined = page.text + client.get("/static/app.js").text + client.get("/static/style.css").text
    assert "http://" not in combined and "https://" not in combined  # nothing loaded from elsewhere


def test_nothing_sent_is_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    marker = "Уникальнаястрокамаркер"
    with caplog.at_level(logging.DEBUG):
        client.post(f"/v1/extract?filename={marker}.txt", content=marker.encode())
        client.post("/v1/lint", json={"text": marker, "title": marker})
        client.post("/v1/lint", content=f'{{"text": "{marker}"'.encode())
        client.post("/v1/lint/batch", content=f'{{"text": "{marker}"}}\n{marker}\n'.encode())
    access = [json.loads(r.getMessage()) for r in caplog.records if r.name == "cmlint.access"]
    assert [a["path"] for a in access] == ["/v1/extract", "/v1/lint", "/v1/lint", "/v1/lint/batch"]
    assert {"time", "method", "status", "ms", "bytes_in", "bytes_out", "client"} <= set(access[0])
    assert marker not in caplog.text
