"""``nlp.add_pipe("cmlint")``: cmlint as a component of an existing spaCy pipeline.

The component lints ``doc.text`` (the title is ``doc._.cmlint_title`` when
set, else the first line) with its own :class:`~cmlint.linter.Linter`.  The
report is kept as JSON-ready data in ``doc._.cmlint_report_data`` — what
spaCy can carry between processes in ``nlp.pipe(..., n_process=2)`` — and
``doc._.cmlint_report`` reads it as a :class:`~cmlint.models.Report` (built on
each access).  It does not touch the host pipeline's tokens, so it works with
any language or model.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from cmlint.config import Config
from cmlint.linter import Linter
from cmlint.models import Report


def _report(doc: Doc) -> Report | None:
    data = doc._.cmlint_report_data
    return None if data is None else Report.model_validate(data)


if not Doc.has_extension("cmlint_report_data"):
    Doc.set_extension("cmlint_report_data", default=None)
if not Doc.has_extension("cmlint_report"):
    Doc.set_extension("cmlint_report", getter=_report)
if not Doc.has_extension("cmlint_title"):
    Doc.set_extension("cmlint_title", default=None)


class CmlintComponent:
    """A pipeline component that attaches a cmlint report to every doc."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.linter = Linter(Config.model_validate(config or {}))

    def __call__(self, doc: Doc) -> Doc:
        doc._.cmlint_report_data = self.linter.lint(doc.text, title=doc._.cmlint_title).model_dump(mode="json")
        return doc


@Language.factory("cmlint", default_config={"config": {}})
def make_cmlint_component(nlp: Language, name: str, config: dict[str, Any]) -> CmlintComponent:
    """Factory for ``nlp.add_pipe("cmlint", config={"config": {"ignore": ["ST004"]}})``."""
    return CmlintComponent(config)
