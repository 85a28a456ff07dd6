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
