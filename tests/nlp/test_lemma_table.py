"""The shipped lemma table must match what pymorphy3 says now (else regenerate it)."""

from cmlint.nlp import lemma_table


def test_lemma_table_is_fresh_and_complete() -> None:
    shipped = lemma_table.load()
    assert shipped, "rules/lemma_table.json is stale: run python -m cmlint.nlp.lemma_table"
    assert shipped == lemma_table.build(), "rules/lemma_table.json is out of date: run python -m cmlint.nlp.lemma_table"
