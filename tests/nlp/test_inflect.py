import pytest

from cmlint.nlp.inflect import Grammar, fit_start, governed_grammar, head_grammar, inflect_title
from cmlint.nlp.morphology import Morphology

CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"]

# Hand-written forms: (suggested title) → forms for the six cases, singular, then plural.
EXPECTED = {
    "Менеджер по продажам": (
        ["Менеджер по продажам", "Менеджера по продажам", "Менеджеру по продажам", "Менеджера по продажам", "Менеджером по продажам", "Менеджере по продажам"],
        ["Менеджеры по продажам", "Менеджеров по продажам", "Менеджерам по продажам", "Менеджеров по продажам", "Менеджерами по продажам", "Менеджерах по продажам"],
    ),
    "SMM-менеджер": (
        ["SMM-менеджер", "SMM-менеджера", "SMM-менеджеру", "SMM-менеджера", "SMM-менеджером", "SMM-менеджере"],
        ["SMM-менеджеры", "SMM-менеджеров", "SMM-менеджерам", "SMM-менеджеров", "SMM-менеджерами", "SMM-менеджерах"],
    ),
    "Специалист службы поддержки": (
        ["Специалист службы поддержки", "Специалиста службы поддержки", "Специалисту службы поддержки", "Специалиста службы поддержки", "Специалистом службы поддержки", "Специалисте службы поддержки"],
        ["Специалисты службы поддержки", "Специалистов службы поддержки", "Специалистам службы поддержки", "Специалистов службы поддержки", "Специалистами службы поддержки", "Специалистах службы поддержки"],
    ),
    "Ведущий копирайтер": (
        ["Ведущий копирайтер", "Ведущего копирайтера", "Ведущему копирайтеру", "Ведущего копирайтера", "Ведущим копирайтером", "Ведущем копирайтере"],
        ["Ведущие копирайтеры", "Ведущих копирайтеров", "Ведущим копирайтерам", "Ведущих копирайтеров", "Ведущими копирайтерами", "Ведущих копирайтерах"],
    ),
}


@pytest.mark.parametrize("title", sorted(EXPECTED))
@pytest.mark.parametrize("number", ["sing", "plur"])
@pytest.mark.parametrize("case_index", range(6))
def test_inflect_title_all_cases(morphology: Morphology, title: str, number: str, case_index: int) -> None:
    singular, plural = EXPECTED[title]
    expected = (singular if number == "sing" else plural)[case_index]
    assert inflect_title(title, Grammar(CASES[case_index], number), morphology) == expected


@pytest.mark.parametrize(
    ("mention", "case", "number"),
    [
        ("комьюнити-менеджер", "nomn", "sing"),
        ("комьюнити-менеджеру", "datv", "sing"),
        ("комьюнити-менеджером", "ablt", "sing"),
        ("комьюнити-менеджере", "loct", "sing"),
        ("комьюнити-менеджеров", "gent", "plur"),
        ("менеджерами сообщества", "ablt", "plur"),
        ("Бариста", "nomn", "sing"),  # its own dictionary form, though it also parses as a genitive
        ("кассира", "gent", "sing"),
        ("пиар менеджера", "gent", "sing"),  # a thing's name before a person's is no head
        ("контент менеджерами", "ablt", "plur"),
    ],
)
def test_head_grammar_reads_the_head_noun(morphology: Morphology, mention: str, case: str, number: str) -> None:
    assert head_grammar(mention.split(), morphology) == Grammar(case, number)


def test_head_grammar_of_english_title_is_unknown(morphology: Morphology) -> None:
    assert head_grammar(["Community", "manager"], morphology) is None


def test_combined_title_inflects_every_part(morphology: Morphology) -> None:
    result = inflect_title("Менеджер по продажам / менеджер по работе с клиентами", Grammar("ablt", "sing"), morphology)
    assert result == "Менеджером по продажам / менеджером по работе с клиентами"


def test_fit_start_keeps_acronyms() -> None:
    assert fit_start("SMM-менеджера", "комьюнити-менеджера") == "SMM-менеджера"
    assert fit_start("Менеджера по продажам", "комьюнити-менеджера") == "менеджера по продажам"
    assert fit_start("менеджер по продажам", "Комьюнити-менеджер") == "Менеджер по продажам"


@pytest.mark.parametrize(
    ("title", "grammar", "inflected"),
    [
        ("Водитель-экспедитор", Grammar("gent", "sing"), "Водителя-экспедитора"),
        ("Инженер-конструктор", Grammar("accs", "sing"), "Инженера-конструктора"),
        ("Продавец-консультант", Grammar("gent", "plur"), "Продавцов-консультантов"),
        ("Главный инженер-конструктор", Grammar("accs", "sing"), "Главного инженера-конструктора"),
        ("Офис-менеджер", Grammar("gent", "sing"), "Офис-менеджера"),
        ("Шеф-повар", Grammar("ablt", "sing"), "Шеф-поваром"),
        ("Арт-директор", Grammar("datv", "sing"), "Арт-директору"),
        ("Старший менеджер по продажам", Grammar("accs", "sing"), "Старшего менеджера по продажам"),  # not «Старший» the noun
    ],
)
def test_a_compound_of_two_persons_declines_in_both_parts(
    morphology: Morphology, title: str, grammar: Grammar, inflected: str
) -> None:
    assert inflect_title(title, grammar, morphology) == inflected


def test_fit_start_reads_the_place_where_the_original_tells_no_case() -> None:
    assert fit_start("Менеджер по продажам", "SMM-менеджер", opens=False) == "менеджер по продажам"
    assert fit_start("менеджер по продажам", "SMM-менеджер", opens=True) == "Менеджер по продажам"
    assert fit_start("менеджер по продажам", "комьюнити-менеджер", opens=True) == "Менеджер по продажам"
    assert fit_start("Менеджер по продажам", "Комьюнити-менеджер", opens=False) == "Менеджер по продажам"


def test_head_grammar_is_kept_per_word_and_read_back_the_same() -> None:
    morphology = Morphology()
    first = head_grammar(["быстро", "кассира"], morphology)
    assert morphology.noun_grammars.kept() == {"быстро": None, "кассира": ("gent", "sing")}
    assert first == Grammar("gent", "sing")
    assert head_grammar(["кассира"], morphology) == first
    assert len(morphology.noun_grammars) == 2


@pytest.mark.parametrize(
    ("before", "grammar"),
    [
        ("Мы ищем **", Grammar("accs", "sing")),
        ("Компания «Лён» ищет в команду ", Grammar("accs", "sing")),
        ("Ищем в нашу дружную команду опытного Junior ", Grammar("accs", "sing")),
        ("Условия для ", Grammar("gent", "sing")),
        ("Будете работать в паре с ", Grammar("ablt", "sing")),
        ("Приглашаем на позицию ", None),  # the position's name as it is
        ("Требуется ", None),  # an intransitive verb
        ("Кого ищем. ", None),  # another sentence
        ("", None),
    ],
)
def test_governed_grammar_reads_the_case_the_words_before_put_a_mention_in(
    morphology: Morphology, before: str, grammar: Grammar | None
) -> None:
    assert governed_grammar(before, morphology) == grammar


def test_fit_start_lowers_a_latin_word_capitalised_only_to_open_a_title() -> None:
    assert fit_start("Event-менеджер", "модератор форума", opens=False) == "event-менеджер"
    assert fit_start("Event-менеджера", "Community Manager", opens=False) == "event-менеджера"
    assert fit_start("Event-менеджер", "Модератор", opens=True) == "Event-менеджер"
    assert fit_start("SMM-менеджер", "модератор", opens=False) == "SMM-менеджер"
