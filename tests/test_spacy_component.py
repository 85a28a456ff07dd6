import spacy

import cmlint.spacy_component  # noqa: F401  (registers the factory, as the entry point does)


def test_component_attaches_a_report() -> None:
    nlp = spacy.blank("ru")
    nlp.add_pipe("cmlint", config={"config": {"select": ["CM001"]}})
    doc = nlp.make_doc("Обязанности:\n- холодные звонки\n- выполнение плана продаж")
    doc._.cmlint_title = "Комьюнити-менеджер"
    doc = nlp(doc)
    assert doc._.cmlint_report.codes() == ["CM001"]
    assert [t.text for t in doc][:2] == ["Обязанности", ":"]


def test_component_works_in_several_processes() -> None:
    """``nlp.pipe(n_process=2)`` sends docs back from the workers: the report must survive it."""
    nlp = spacy.blank("ru")
    nlp.add_pipe("cmlint", config={"config": {"select": ["CM001"]}})
    confused = "Комьюнити-менеджер\nОбязанности:\n- холодные звонки\n- выполнение плана продаж"
    community = "Комьюнити-менеджер\nОбязанности:\n- модерация чата участников\n- организация встреч сообщества"
    texts = [confused, community] * 3
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [doc.text for doc in docs] == texts
    assert [doc._.cmlint_report.codes() for doc in docs] == [["CM001"], []] * 3
