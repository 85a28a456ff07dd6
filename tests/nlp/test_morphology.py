import pymorphy3.dawg
import pytest

from cmlint.nlp.morphology import Morphology, convert_tag


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("тикетов", "тикет"),  # pymorphy3 alone: «тикетовый»
        ("тикете", "тикет"),
        ("Ивенты", "ивент"),  # pymorphy3 alone: «ивента»
        ("митапе", "митап"),
        ("комюнити", "комьюнити"),  # a misspelling
        ("коммьюнити", "комьюнити"),
        ("Community", "комьюнити"),
        ("SMM", "smm"),
        ("смм", "smm"),
        ("амбассадоров", "амбассадор"),
        ("лидами", "лид"),
        ("звонки", "звонок"),
        ("продажам", "продажа"),
        ("холодные", "холодный"),  # not the substantivized «холодное»
        ("обучаеться", "обучаться"),  # «-ться» written for «-тся»
        ("Стараеться", "стараться"),
        ("отчитыватся", "отчитываться"),  # and the other way round
        ("учиться", "учиться"),  # a known word stays itself
    ],
)
def test_lemma(morphology: Morphology, word: str, lemma: str) -> None:
    assert morphology.analyze(word).lemma == lemma


def test_domain_word_declines_like_its_model(morphology: Morphology) -> None:
    analysis = morphology.analyze("тикетами")
    assert analysis.pos == "NOUN"
    assert "Case=Ins" in analysis.feats and "Number=Plur" in analysis.feats


def test_lemmas_lists_every_reading(morphology: Morphology) -> None:
    assert {"холодный", "холодное"} <= set(morphology.lemmas("холодные"))


def test_lemmas_asked_again_are_the_same_and_recorded() -> None:
    """A word's lemmas are worked out once: asked again, the same answer, in a list of its own, and recorded when
    answers are recorded (a word the dictionary does not know, read through its base: «тикетиков»)."""
    morphology = Morphology()
    first = morphology.lemmas("тикетиков")
    first.append("чужое")
    morphology.asked = {}
    again = morphology.lemmas("тикетиков")
    assert again == Morphology().lemmas("тикетиков") == first[:-1]
    assert morphology.asked == {"тикетиков": again}


def test_cache_is_bounded() -> None:
    morphology = Morphology(cache_size=50)
    for index in range(500):
        morphology.analyze(f"слово{index}")
    entries, capacity = morphology.cache_info()
    assert entries <= capacity == 50


def test_participle_is_an_adjective(morphology: Morphology) -> None:
    assert morphology.analyze("существующих").pos == "ADJ"


def test_convert_tag_maps_to_ud(morphology: Morphology) -> None:
    pos, feats = convert_tag(morphology.parses("менеджерами")[0].tag)
    assert pos == "NOUN"
    assert feats == "Animacy=Anim|Case=Ins|Gender=Masc|Number=Plur"


def test_morphology_pickles_without_its_cache(morphology: Morphology) -> None:
    import pickle

    clone = pickle.loads(pickle.dumps(morphology))
    assert clone.analyze("тикетов").lemma == "тикет"


def test_dictionaries_are_read_by_the_compiled_reader() -> None:
    """``pymorphy3[fast]`` is a dependency: without DAWG2 every uncached word costs pure-Python lookups."""
    assert pymorphy3.dawg.EXTENSION_AVAILABLE
