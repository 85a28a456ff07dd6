from spacy.tokenizer import Tokenizer

from cmlint.linter import Engine
from cmlint.nlp.pipeline import features, write_morph


def tokens(engine: Engine, text: str) -> list[str]:
    return [t.text for t in engine.nlp.make_doc(text)]


def test_glued_job_board_text_is_split(engine: Engine) -> None:
    assert tokens(engine, "•Ведение чатов;- модерация") == ["•", "Ведение", "чатов", ";", "-", "модерация"]
    assert tokens(engine, "расчетаВедение") == ["расчета", "Ведение"]
    assert tokens(engine, "продаж.- Взаимодействие") == ["продаж", ".", "-", "Взаимодействие"]


def test_numbers_glued_to_words_are_split(engine: Engine) -> None:
    assert tokens(engine, "стаж:12,знание Excel") == ["стаж", ":", "12", ",", "знание", "Excel"]
    assert tokens(engine, "водитель,45-50лет") == ["водитель", ",", "45", "-", "50", "лет"]
    assert tokens(engine, "груз 300кг") == ["груз", "300", "кг"]
    assert tokens(engine, "пол: ж.,до 40") == ["пол", ":", "ж", ".", ",", "до", "40"]
    # A decimal comma, a time, a product name and a one-letter unit stay whole.
    assert tokens(engine, "2,5 ставки с 9:30 в 1с за 100к") == ["2,5", "ставки", "с", "9:30", "в", "1с", "за", "100к"]


def test_list_numbers_and_commas_glued_to_words_are_split(engine: Engine) -> None:
    assert tokens(engine, "2)опыт 12)знание") == ["2", ")", "опыт", "12", ")", "знание"]
    assert tokens(engine, "Требования:1)опыт")[-2:] == [")", "опыт"]
    assert tokens(engine, "стаж обяз.,знание") == ["стаж", "обяз", ".", ",", "знание"]
    # A version, a code, a time and a number inside a word stay whole.
    assert tokens(engine, "v1.2)x a1)б 123)б 10:30)б") == ["v1.2)x", "a1)б", "123)б", "10:30)б"]


def test_a_bracket_that_opens_a_name_after_a_word_is_split(engine: Engine) -> None:
    assert tokens(engine, "местные(Дубна),опыт")[:2] == ["местные", "("]
    # A lower-case ending in brackets stays with its word.
    assert tokens(engine, "Упаковщик(ца)")[0] != "Упаковщик"


def test_emoji_and_sentence_ends_glued_to_words_are_split(engine: Engine) -> None:
    assert tokens(engine, "🔥Нужен повар на кухню✅Опыт") == ["🔥", "Нужен", "повар", "на", "кухню", "✅", "Опыт"]
    assert tokens(engine, "вес до 20 кг, смена 12.Оплата") == ["вес", "до", "20", "кг", ",", "смена", "12", ".", "Оплата"]
    # A decimal point and a version stay whole.
    assert tokens(engine, "ставка 0.5 версия 1.2") == ["ставка", "0.5", "версия", "1.2"]


def test_every_token_gets_lemma_pos_and_features_and_morph_where_written(engine: Engine) -> None:
    with engine.nlp.memory_zone():
        doc = engine.nlp("Обрабатывать тикеты и проводить митапы")
        assert [t.lemma_ for t in doc] == ["обрабатывать", "тикет", "и", "проводить", "митап"]
        assert [t.pos_ for t in doc] == ["VERB", "NOUN", "CCONJ", "VERB", "NOUN"]
        assert "Number=Plur" in features(doc[1])
        # The morphology is on the tokens only where it was written, as the component read it.
        assert not any(token.has_morph() for token in doc)
        write_morph(doc, 1, 3)
        assert [token.has_morph() for token in doc] == [False, True, True, False, False]
        assert doc[1].morph.get("Number") == ["Plur"]
        assert frozenset(doc[1].morph) == features(doc[1])


def test_blank_lemmatizer_would_not_do(engine: Engine) -> None:
    # The reason for our component: spaCy's rule lemmatizer leaves «звонки» as is without POS.
    with engine.nlp.memory_zone():
        assert engine.nlp("звонки")[0].lemma_ == "звонок"


def test_one_character_special_cases_are_left_to_the_affix_rules(engine: Engine) -> None:
    # A hit of a special case stops spaCy's tokenizer cache for the rest of the doc; «\n» would hit on every posting.
    tokenizer = engine.nlp.tokenizer
    assert not {"\n", " ", "\t", "—", "'"} & set(tokenizer.rules)
    assert "\xa0" in tokenizer.rules  # it sets a norm, not only the text
    every_case = Tokenizer(
        engine.nlp.vocab,
        rules=engine.nlp.Defaults.tokenizer_exceptions,
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    text = "Ищем модератора — чаты\n\n—Вести  ветки 'клуба'\tи т.д.\n(—)  ’отзывы’ —и 5 тыс. руб.—"
    for _ in range(2):  # the second pass reads the cache
        ours = [(t.text, t.idx, t.whitespace_, t.norm_) for t in tokenizer(text)]
        assert ours == [(t.text, t.idx, t.whitespace_, t.norm_) for t in every_case(text)]


def test_an_abbreviation_keeps_its_case_ending(engine: Engine) -> None:
    assert tokens(engine, "за МКАДом") == ["за", "МКАДом"]
    assert tokens(engine, "выпускники ВУЗов") == ["выпускники", "ВУЗов"]
    assert tokens(engine, "Гражданство РФОпыт работы") == ["Гражданство", "РФ", "Опыт", "работы"]
