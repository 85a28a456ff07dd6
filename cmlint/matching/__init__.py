"""The phrase language and the matchers: phrases → steps, run over a doc's tokens.

Modules: :mod:`~cmlint.matching.steps` (what a pattern position tests),
:mod:`~cmlint.matching.phrases` (the DSL compiler),
:mod:`~cmlint.matching.token_patterns` (raw spaCy patterns, validated),
:mod:`~cmlint.matching.lemma_matcher` (the fast executor) and
:mod:`~cmlint.matching.pattern_set` (keyed sets, shared scans, match indices).
This layer knows text and morphology, nothing about roles, rules or checks.
"""
