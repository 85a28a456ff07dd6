"""WordBits: the patterns a doc's words let through."""

from cmlint.matching.word_bits import WordBits, indexes


def passing(sets: list[tuple[frozenset[str], ...]], words: set[str]) -> list[int]:
    return list(indexes(WordBits(sets).passing(words)))


def test_a_pattern_passes_when_each_of_its_sets_has_a_word() -> None:
    sets = [
        (frozenset({"вести", "ведение"}), frozenset({"чат"})),
        (frozenset({"вести"}),),
        (frozenset({"звонить"}), frozenset({"клиент", "покупатель"})),
    ]
    assert passing(sets, {"вести", "чат"}) == [0, 1]
    assert passing(sets, {"ведение", "клиент"}) == []
    assert passing(sets, {"звонить", "покупатель", "вести"}) == [1, 2]


def test_no_sets_always_passes_and_an_empty_set_never() -> None:
    sets = [(), (frozenset(),), (frozenset({"чат"}),)]
    assert passing(sets, set()) == [0]
    assert passing(sets, {"чат"}) == [0, 2]
    assert passing([(), ()], {"чат"}) == [0, 1]


def test_sets_at_the_same_place_are_kept_apart() -> None:
    # the same word at another place of another pattern does not stand in for a missing set
    sets = [(frozenset({"a"}), frozenset({"b"})), (frozenset({"b"}), frozenset({"c"}))]
    assert passing(sets, {"a", "c"}) == []
    assert passing(sets, {"b", "c"}) == [1]
    assert passing(sets, {"a", "b"}) == [0]


def test_indexes_lowest_first() -> None:
    assert list(indexes(0b101001)) == [0, 3, 5]
    assert list(indexes(0)) == []
