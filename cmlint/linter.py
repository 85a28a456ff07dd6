"""The public entry points: :func:`lint` and the reusable :class:`Linter`."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any
from collections.abc import Iterable, Iterator, Mapping

from spacy.language import Language

from cmlint.analysis import AnalyzedPosting, Analyzer
from cmlint.config import Config
from cmlint.engine.patterns import PhraseCompiler
from cmlint.engine.pattern_rules import PatternRule
from cmlint.engine.pattern_set import SharedPatterns
from cmlint.engine.registry import CheckContext
from cmlint.engine.ruleset import Rule, check_unique, load_packs, python_rule
from cmlint.engine.specs import PackError
from cmlint.engine.suppression import suppressed
from cmlint.models import Finding, Posting, Report, Severity
from cmlint.nlp import lemma_table
from cmlint.nlp.morphology import Morphology
from cmlint.nlp.pipeline import build_nlp
from cmlint.quality import assess
from cmlint.roles.evidence import default_markers
from cmlint.roles.matching import RoleMatcher
from cmlint.roles.suggest import suggest_titles
from cmlint.roles.taxonomy import Taxonomy, load_taxonomy

log = logging.getLogger("cmlint")

PostingLike = Posting | str | Mapping[str, Any] | tuple[str, str | None]

#: Rebuild the engine when spaCy's string store holds more strings than this.
MAX_STRINGS = 150_000


@dataclass
class Engine:
    """Everything compiled once per process: pipeline, taxonomy, rules."""

    nlp: Language
    morphology: Morphology
    taxonomy: Taxonomy
    analyzer: Analyzer
    rules: list[Rule]


def build_engine(config: Config, use_table: bool = True, record_lemmas: dict[str, list[str]] | None = None) -> Engine:
    """Compile the pipeline, the taxonomy and every enabled pack.

    ``use_table``: take the lemmas of rule words from the precomputed table
    (see :mod:`cmlint.nlp.lemma_table`) instead of asking pymorphy3;
    ``record_lemmas``: a dict that receives every word the patterns asked about.
    """
    morphology = Morphology(lemma_table=lemma_table.load() if use_table else None)
    morphology.asked = record_lemmas
    nlp = build_nlp(morphology)
    taxonomy = load_taxonomy()
    compiler = PhraseCompiler(morphology, lambda text: [text] if text.isalpha() else [t.text for t in nlp.make_doc(text)])
    shared = SharedPatterns(nlp.vocab)
    roles = RoleMatcher(nlp, taxonomy, compiler, shared)
    analyzer = Analyzer(nlp, roles, default_markers())
    specs = [(source, spec, pack.macros) for source, pack in load_packs(config.extend_rules, config.base_dir) for spec in pack.rules]
    check_unique([(source, spec) for source, spec, _ in specs])
    rules: list[Rule] = []
    for source, spec, macros in specs:
        unknown = [role for role in spec.title_roles if role not in taxonomy.roles]
        if unknown:
            raise PackError(f"{source}: правило {spec.code}: title_roles: неизвестные роли {', '.join(unknown)}")
        if spec.kind == "python":
            rules.append(python_rule(spec, source))
        else:
            rules.append(PatternRule(spec, shared, compiler, {**macros, **spec.macros}, source))
    return Engine(nlp, morphology, taxonomy, analyzer, rules)


class Linter:
    """A reusable linter: build once, lint many postings.

    Thread-safe (analysis is serialized by a lock), picklable (only the
    config travels; a worker rebuilds the engine), deterministic, and it
    never raises on a posting: an unexpected failure becomes a ``CM000``
    finding.  Invalid configuration or rule packs raise when the engine is
    built (at the first lint, or eagerly with :meth:`prepare`).
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._engine: Engine | None = None
        self._active_rules: list[tuple[Rule, CheckContext]] | None = None
        self._active_engine: Engine | None = None
        self._lock = threading.RLock()

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"])  # type: ignore[misc]

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = build_engine(self.config)
        return self._engine

    def prepare(self) -> Linter:
        """Build the engine now (raises on a bad config or rule pack)."""
        _ = self.engine
        return self

    @property
    def rules(self) -> list[Rule]:
        return self.engine.rules

    def lint(self, text: str, title: str | None = None, *, format: str | None = None, path: str | None = None) -> Report:
        """Lint one posting given as body text and an optional title."""
        return self.lint_posting(_posting(text, title, format), path=path)

    def lint_posting(self, posting: Posting, path: str | None = None) -> Report:
        """Lint a :class:`~cmlint.models.Posting` (a blank one gets an empty report)."""
        if not posting.text.strip() and not (posting.title or "").strip():
            return Report(id=posting.id, title=posting.title).linted_from(posting)
        with self._lock:
            engine = self._fresh_engine()
            try:
                report = self._report(engine, engine.analyzer.analyze(posting), path)
            except Exception as error:
                log.exception("cmlint failed on a posting")
                findings = [_internal_error(error)]
                report = Report(id=posting.id, title=posting.title, findings=findings, **assess(findings).model_dump())
        return report.linted_from(posting)

    def _fresh_engine(self) -> Engine:
        """The engine, rebuilt when spaCy's string store outgrows its bound.

        spaCy keeps every string it has seen; over millions of postings that
        is unbounded memory.  (``nlp.memory_zone()`` would free them after
        every posting but re-creates every lexeme each time, a third of the
        run time.)  Rebuilding once in a long while keeps memory flat.
        """
        engine = self.engine
        if len(engine.nlp.vocab.strings) > MAX_STRINGS:
            self._engine = engine = None  # type: ignore[assignment]
            self._engine = engine = build_engine(self.config)
        return engine

    def lint_many(self, postings: Iterable[PostingLike], n_process: int = 1, chunk_size: int = 32) -> Iterator[Report]:
        """Lint many postings; reports come back in input order, streaming.

        With ``n_process > 1`` the work is spread over processes; memory stays
        bounded because only ``2 * n_process * chunk_size`` postings are in
        flight at a time.
        """
        items = (as_posting(p) for p in postings)
        if n_process <= 1:
            for posting in items:
                yield self.lint_posting(posting)
            return
        from cmlint.parallel import ordered_map

        yield from ordered_map(self.config, lint_one, items, n_process, chunk_size)

    def _active(self, engine: Engine) -> list[tuple[Rule, CheckContext]]:
        """The rules this config turns on, each with its context (built once per engine)."""
        if self._active_rules is None or self._active_engine is not engine:
            config = self.config
            active = []
            for rule in engine.rules:
                spec = rule.spec
                severity = config.severity_of(spec.code, spec.name, spec.severity)
                if config.enabled(spec.code, spec.name) and severity.rank >= config.min_severity.rank:
                    active.append((rule, CheckContext(spec, severity, config, engine.taxonomy, engine.morphology, engine.analyzer)))
            self._active_rules, self._active_engine = active, engine
        return self._active_rules

    def _report(self, engine: Engine, posting: AnalyzedPosting, path: str | None) -> Report:
        suggestions = suggest_titles(posting.profile, engine.taxonomy)
        config = self.config
        findings: list[Finding] = []
        title_roles = set(posting.title_roles)
        for rule, ctx in self._active(engine):
            spec = rule.spec
            if path is not None and config.per_file_ignores and not config.enabled(spec.code, spec.name, path):
                continue
            if spec.title_roles and not title_roles.intersection(spec.title_roles):
                continue
            ctx.suggestions = suggestions
            for finding in rule.run(posting, ctx):
                if not suppressed(posting.posting.text, finding):
                    findings.append(finding)
        findings.sort(key=_finding_order)
        return Report(
            id=posting.posting.id,
            title=posting.title,
            title_roles=posting.title_roles,
            duty_profile=posting.profile.shares(),
            suggested_titles=suggestions,
            findings=findings,
            **assess(findings).model_dump(),
        )


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    """Title findings first, then by place in the text, then findings about the whole posting."""
    if finding.span is None:
        return (2, 0, finding.code)
    return (0 if finding.span.field == "title" else 1, finding.span.start, finding.code)


def _internal_error(error: Exception) -> Finding:
    return Finding(
        code="CM000",
        name="internal-error",
        severity=Severity.ERROR,
        message=f"Внутренняя ошибка cmlint при разборе вакансии: {type(error).__name__}: {error}",
    )


def _posting(text: Any, title: Any, format: str | None) -> Posting:
    text = text if isinstance(text, str) else "" if text is None else str(text)
    title = title if isinstance(title, str) or title is None else str(title)
    fmt = format if format in ("plain", "markdown", "html", "telegram") else None
    return Posting(text=text, title=title, format=fmt)  # type: ignore[arg-type]


def as_posting(item: PostingLike) -> Posting:
    """Accept a Posting, a string, a (text, title) pair or a mapping with text/title/id."""
    if isinstance(item, Posting):
        return item
    if isinstance(item, str):
        return Posting(text=item)
    if isinstance(item, tuple):
        return _posting(item[0], item[1] if len(item) > 1 else None, None)
    if isinstance(item, Mapping):
        text = item.get("text", item.get("description", ""))
        posting = _posting(text, item.get("title"), item.get("format"))
        identifier = item.get("id")
        return posting.model_copy(update={"id": None if identifier is None else str(identifier)})
    raise TypeError(f"не знаю, как проверить объект типа {type(item).__name__}")


def lint_one(linter: Linter, posting: Posting) -> Report:
    """Module-level worker: lint one posting with ``linter`` (picklable for any executor)."""
    return linter.lint_posting(posting)


_DEFAULT: Linter | None = None


def default_linter() -> Linter:
    """The shared linter with the default configuration, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Linter()
    return _DEFAULT


def lint(text: str, title: str | None = None) -> Report:
    """Lint one posting with the default configuration."""
    return default_linter().lint(text, title)
