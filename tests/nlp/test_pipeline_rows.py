"""The morphology component writes lemma and POS and keeps the features from its packed per-form cache."""

from __future__ import annotations

from spacy.tokens import MorphAnalysis

from cmlint.nlp.pipeline import build_nlp, features


def test_every_token_gets_its_forms_analysis_first_time_and_from_the_cache() -> None:
    nlp = build_nlp()
    component = nlp.get_pipe("cmlint_morphology")
    for _ in range(2):  # the second doc reads every form from the cache
        doc = nlp("Курьер доставляет заказы и ведёт учёт")
        for token in doc:
            analysis = component.morphology.analyze(token.text)
            assert (token.lemma_, token.pos_) == (analysis.lemma, analysis.pos)
            assert features(token) == frozenset(MorphAnalysis(nlp.vocab, analysis.feats))
        assert doc.user_data["cmlint.tokens"][2] == [component.morphology.analyze(t.text).lemma for t in doc]
