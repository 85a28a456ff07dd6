import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

from cmlint.io.readers import FieldMap, Job, read


def jobs(path: Path, **kwargs) -> list[Job]:
    return list(read(path, FieldMap(**kwargs)))


def test_single_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Комьюнити-менеджер\nОбязанности: чат", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Заголовок\n- пункт", encoding="utf-8")
    (tmp_path / "c.html").write_bytes("<p>Текст</p>".encode("cp1251"))
    found = [j for p in sorted(tmp_path.iterdir()) for j in jobs(p)]
    assert [j.posting.format for j in found] == ["plain", "markdown", "html"]
    assert found[2].posting.text == "<p>Текст</p>"


def test_jsonl_one_job_per_line_with_errors_in_place(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    lines = [
        json.dumps({"id": 1, "title": "A", "text": "текст"}, ensure_ascii=False),
        "{не json",
        json.dumps({"id": 3, "title": "C"}),
        json.dumps({"id": 4, "description": "текст без названия"}, ensure_ascii=False),
        "",
        json.dumps(["не объект"]),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    found = jobs(path)
    assert [(j.record, j.posting is not None, j.error.kind if j.error else None) for j in found] == [
        (1, True, None), (2, False, "malformed"), (3, False, "malformed"), (4, True, None), (6, False, "malformed"),
    ]
    assert found[0].posting.id == "1" and found[3].posting.title is None


def test_jsonl_with_a_broken_line_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    good = json.dumps({"text": "текст"}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(good + b"\n" + b'{"text": "\xff\xfe\x00\x01"}\n' + good + b"\n")
    found = jobs(path)
    assert len(found) == 3 and found[0].posting and found[2].posting


def test_field_mapping(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"vacancy_name": "SMM", "descr": "пост", "key": "x"}), encoding="utf-8")
    (job,) = jobs(path, title=["vacancy_name"], text=["descr"], id=["key"])
    assert (job.posting.title, job.posting.text, job.posting.id) == ("SMM", "пост", "x")


def test_json_list_and_wrapped_list(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"text": "раз"}, {"text": "два"}], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"items": [{"description": "три"}]}, ensure_ascii=False), encoding="utf-8")
    assert [j.posting.text for j in jobs(tmp_path / "a.json")] == ["раз", "два"]
    assert [j.posting.text for j in jobs(tmp_path / "b.json")] == ["три"]


def test_csv_in_cp1251_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("id;title;description\n1;Комьюнити-менеджер;модерация чата\n2;SMM;\"посты; сторис\"\n".encode("cp1251"))
    found = jobs(path)
    assert [(j.record, j.posting.title, j.posting.text) for j in found] == [
        (2, "Комьюнити-менеджер", "модерация чата"), (3, "SMM", "посты; сторис"),
    ]


def test_bad_inputs_become_error_jobs(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "big.txt").write_text("а" * 1_100_000, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    kinds = {p.name: jobs(p)[0].error.kind for p in tmp_path.iterdir()}
    assert kinds == {"empty.txt": "empty", "binary.txt": "decode", "big.txt": "too-large", "bad.json": "malformed", "x.pdf": "unsupported"}


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv"]))
def test_readers_never_crash(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    for job in read(path, FieldMap()):
        assert (job.posting is None) != (job.error is None)


def test_a_number_too_long_or_not_finite_costs_its_line_only(tmp_path: Path) -> None:
    """Python will not turn over 4 300 digits into an int, and «1e400» is infinity: those lines are errors that say
    why, the lines after them are read."""
    path = tmp_path / "p.jsonl"
    good = json.dumps({"text": "текст"}, ensure_ascii=False)
    path.write_text("\n".join(['{"id": ' + "9" * 5000 + ', "text": "x"}', '{"id": 1e400, "text": "x"}', '{"id": NaN, "text": "x"}', good]), encoding="utf-8")
    found = jobs(path)
    assert [(j.posting is not None, j.error.kind if j.error else None) for j in found] == [
        (False, "malformed"), (False, "malformed"), (False, "malformed"), (True, None)
    ]
    assert "число длиннее 100 цифр" in found[0].error.message and "1e400" in found[1].error.message
    whole = tmp_path / "p.json"
    whole.write_text('[{"id": ' + "9" * 5000 + ', "text": "x"}]', encoding="utf-8")
    assert [j.error.kind for j in jobs(whole) if j.error] == ["malformed"]


def test_a_line_of_nothing_but_a_byte_order_mark_is_an_error_in_its_place(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_bytes(b'{"text": "a"}\n\xff\xfe\n{"text": "b"}\n')
    found = jobs(path)
    assert [(j.record, j.error.kind if j.error else None) for j in found] == [(1, None), (2, "decode"), (3, None)]


def test_a_line_that_is_not_utf_8_after_utf_8_lines_is_an_error_not_mojibake(tmp_path: Path) -> None:
    """Each line is decoded on its own (a cp1251 export stays readable), but a broken byte in a UTF-8 file read the
    line as cp1251 («Г( abc»)."""
    path = tmp_path / "p.jsonl"
    good = json.dumps({"text": "текст"}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(good + b"\n" + b'{"text": "\xc3\x28 abc"}\n' + good + b"\n")
    found = jobs(path)
    assert [(j.record, j.error.kind if j.error else None) for j in found] == [(1, None), (2, "decode"), (3, None)]
    cp1251 = tmp_path / "old.jsonl"
    cp1251.write_bytes(json.dumps({"text": "текст"}, ensure_ascii=False).encode("cp1251") * 1 + b"\n" + good + b"\n")
    assert [j.posting.text if j.posting else j.error.kind for j in jobs(cp1251)] == ["текст", "текст"]
