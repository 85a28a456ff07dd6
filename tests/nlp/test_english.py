import pytest

from cmlint.nlp.english import inflections


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("welcome", {"welcomes", "welcomed", "welcoming"}),
        ("member", {"members"}),
        ("reply", {"replies", "replied", "replying"}),
        ("plan", {"plans", "planned", "planning"}),
        ("coach", {"coaches", "coached", "coaching"}),
        ("run", {"runs", "running", "ran"}),
        ("grow", {"grows", "growing", "grew", "grown"}),
    ],
)
def test_an_english_word_has_its_regular_and_irregular_forms(base: str, forms: set[str]) -> None:
    assert forms | {base} <= inflections(base)


def test_other_words_are_left_as_they_are() -> None:
    assert inflections("встречать") == {"встречать"}
    assert inflections("b2b") == {"b2b"}
