"""The bounded memo: each answer worked out once, None kept like any answer, and never more than its size."""

from cmlint.memo import BoundedMemo


def test_an_answer_is_worked_out_once_per_key() -> None:
    calls: list[str] = []
    memo: BoundedMemo[str, str | None] = BoundedMemo(10)

    def work(key: str) -> str | None:
        calls.append(key)
        return None if key == "нет" else key.upper()

    assert [memo.get(key, lambda key=key: work(key)) for key in ["а", "нет", "а", "нет"]] == ["А", None, "А", None]
    assert calls == ["а", "нет"]
    assert memo.kept() == {"а": "А", "нет": None}


def test_a_full_memo_starts_again() -> None:
    memo: BoundedMemo[int, int] = BoundedMemo(3)
    for key in range(3):
        memo.get(key, lambda key=key: key * 2)
    assert len(memo) == 3
    assert memo.get(7, lambda: 14) == 14
    assert memo.kept() == {7: 14}
