"""The public entry points: :func:`lint` and the reusable :class:`Linter`."""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any
from collections.abc import Iterable, Iterator, Mapping

from cmlint import collector
from cmlint.analysis import AnalyzedPosting
from cmlint.checks import shipped_checks
from cmlint.checks.suppression import REVIEW_CHECKS
from cmlint.budget import Budget, BudgetExceeded
from cmlint.config import Config
from cmlint.engine.build import Engine
from cmlint.engine.build import build_engine as _build_engine
from cmlint.engine.registry import CheckContext
from cmlint.engine.ruleset import Rule
from cmlint.engine.specs import RuleSpec
from cmlint.engine.suppression import ReviewedPosting, Suppression
from cmlint.models import Finding, Posting, Report, RoleInfo, Severity
from cmlint.roles.taxonomy import Taxonomy
from cmlint.posting import (
    DEFAULT_FIELDS,
    PostingError,
    PostingLike,
    as_posting,
    check_format,
    make_posting,
    short_number,
)
from cmlint.quality import assess
from cmlint.resources import data_digest

log = logging.getLogger("cmlint")

#: The name of ``CM000``: the posting could not be (fully) linted; the message says why.
NOT_LINTED = "not-linted"

#: Rebuild the engine when spaCy's string store holds more strings than this.
MAX_STRINGS = 150_000


def build_engine(config: Config) -> Engine:
    """The engine for ``config`` with the shipped Python checks (built with the garbage collector paused)."""
    with collector.paused():
        return _build_engine(config, shipped_checks())


def known_rules(engine: Engine) -> list[tuple[str, str]]:
    """(code, name) of every rule a selector may name: the packs' rules and ``CM000``."""
    return [("CM000", NOT_LINTED), *((rule.spec.code, rule.spec.name) for rule in engine.rules)]


@dataclass(frozen=True)
class _Checks:
    """The active rules split for running, once per ruleset rather than per posting: those that run first, each
    with the title roles it is limited to (none: any title), those that review suppression directives (they run
    after suppression), and the codes of them all."""

    first: list[tuple[Rule, CheckContext, frozenset[str]]]
    reviewers: list[tuple[Rule, CheckContext]]
    codes: frozenset[str]

    @classmethod
    def of(cls, active: Iterable[tuple[Rule, CheckContext]], review: frozenset[str]) -> _Checks:
        """``active`` split for running; ``review``: the codes of the rules that review directives."""
        rules = list(active)
        first = [(rule, ctx, frozenset(rule.spec.title_roles)) for rule, ctx in rules if rule.spec.code not in review]
        reviewers = [(rule, ctx) for rule, ctx in rules if rule.spec.code in review]
        return cls(first, reviewers, frozenset(rule.spec.code for rule, _ in rules))


@dataclass(frozen=True)
class _Ruleset:
    """The rules a config turns on in one engine, and their digest.

    ``names`` maps every code and rule name a suppression directive may use
    (upper-cased) to its code; ``review`` are the codes of the rules that
    review directives (they run after suppression); ``checks`` are the rules
    split for running; ``role_infos`` describe every role and occupation of
    the taxonomy (reports share these frozen models).
    """

    engine: Engine
    rules: list[tuple[Rule, CheckContext]]
    version: str
    names: dict[str, str]
    review: frozenset[str]
    checks: _Checks
    role_infos: dict[str, RoleInfo]


def _digest(active: list[tuple[Rule, CheckContext]], config: Config) -> str:
    """12 hex digits of SHA-256 over the shipped data, every active rule with its severity, and the thresholds."""
    digest = hashlib.sha256(data_digest())
    for rule, ctx in active:
        digest.update(rule.spec.model_dump_json().encode() + ctx.severity.value.encode() + b"\0")
    digest.update(config.roles.model_dump_json().encode())
    return digest.hexdigest()[:12]


class Linter:
    """A reusable linter: build once, lint many postings.

    Thread-safe (analysis is serialized by a lock), picklable (only the
    config travels; a worker rebuilds the engine), deterministic, and it
    never raises on a posting: an unexpected failure becomes a ``CM000``
    finding.  Invalid configuration or rule packs raise when the engine is
    built (at the first lint, or eagerly with :meth:`prepare`); so do
    selectors (``select``, ``ignore`` …) that name no rule.

    ``Linter()`` uses the built-in defaults wherever it runs; a project's
    ``[tool.cmlint]`` applies only when passed in (``Linter(load_config(...))``).
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._engine: Engine | None = None
        self._active: _Ruleset | None = None
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
                    engine = build_engine(self.config)
                    self.config.check_selectors(known_rules(engine))
                    self._engine = engine
        return self._engine

    def prepare(self) -> Linter:
        """Build the engine now (raises on a bad config or rule pack)."""
        _ = self.engine
        return self

    @property
    def rules(self) -> list[Rule]:
        return self.engine.rules

    def lint(
        self,
        text: str | bytes,
        title: str | None = None,
        id: str | None = None,
        format: str | None = None,
        *,
        salary: str | int | Mapping[str, Any] | None = None,
        path: str | None = None,
    ) -> Report:
        """Lint one posting given as body text (``bytes`` are decoded like a file) and an optional title.

        ``salary`` is the pay where a board keeps it apart from the text: as its page shows it, a number or a
        mapping like hh.ru's ``{"from", "to", "currency", "gross"}``.  Raises ``TypeError`` when ``text`` is
        not ``str``/``bytes`` (or ``title``/``id`` not a string, ``salary`` none of those) and ``ValueError``
        for an unknown ``format``; a text that cannot be linted (undecodable bytes, over the size limit) gives
        a report with one ``CM000`` finding that says why.
        """
        check_format(format)
        try:
            posting = make_posting(text, title, id, format, salary=salary)
        except PostingError as error:
            return self._not_linted(_plain_id(id), title if isinstance(title, str) else None, _not_linted_finding(f"Вакансия не проверена: {error}"))
        return self.lint_posting(posting, path=path)

    def lint_posting(self, posting: Posting, path: str | None = None) -> Report:
        """Lint a :class:`~cmlint.models.Posting` (a blank one gets an empty report)."""
        with self._lock:
            engine = self._fresh_engine()
            if not posting.text.strip() and not (posting.title or "").strip():
                return Report(id=posting.id, title=posting.title, ruleset_version=self._ruleset(engine).version).linted_from(posting)
            budget = Budget(self.config.time_budget)
            try:
                with budget:
                    analyzed = engine.analyzer.analyze(posting)
                    budget.check()
                    report = self._report(engine, analyzed, path, budget)
            except BudgetExceeded as error:
                if budget.interrupted:
                    self._engine = None  # interrupted mid-stage: rebuild rather than trust its caches
                report = self._not_linted(posting.id, posting.title, _not_linted_finding(f"Вакансия не проверена: {error}"))
            except Exception as error:
                log.exception("cmlint failed on a posting")
                report = self._not_linted(posting.id, posting.title, _internal_error(error))
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
        """Lint many postings; one report per item, in input order, streaming.

        An item that is not a posting (``None``, a number, a record without a
        text field, undecodable bytes …) never stops the stream: its report
        has one ``CM000`` finding that says what is wrong (and the record's
        ``id`` when it has one).  With ``n_process > 1`` the work is spread
        over processes; memory stays bounded because only
        ``2 * n_process * chunk_size`` postings are in flight at a time.
        """
        items = (self._posting_or_failure(p) for p in postings)
        if n_process <= 1:
            for item in items:
                yield item if isinstance(item, Report) else self.lint_posting(item)
            return
        from cmlint.parallel import ordered_map

        def failure(item: Posting | Report, reason: str) -> Report:
            return item if isinstance(item, Report) else self.not_linted(item, reason)

        yield from ordered_map(self, lint_one, items, n_process, failure, per_process=2 * chunk_size)

    def active_rules(self) -> list[tuple[RuleSpec, Severity]]:
        """The rules this configuration runs, each with the severity it reports at."""
        with self._lock:
            return [(ctx.spec, ctx.severity) for _, ctx in self._ruleset(self.engine).rules]

    @property
    def ruleset_version(self) -> str:
        """A digest of the active rules, their settings and the shipped data (see ``Report.ruleset_version``)."""
        with self._lock:
            return self._ruleset(self.engine).version

    def _ruleset(self, engine: Engine) -> _Ruleset:
        """The rules this config turns on, each with its context, and their digest (built once per engine)."""
        if self._active is None or self._active.engine is not engine:
            config = self.config
            active = []
            for rule in engine.rules:
                spec = rule.spec
                severity = config.severity_of(spec.code, spec.name, spec.severity)
                if config.enabled(spec.code, spec.name) and severity.rank >= config.min_severity.rank:
                    active.append((rule, CheckContext(spec, severity, config, engine.taxonomy, engine.morphology, rule.options, rule.fields)))
            names = {key.upper(): code for code, name in known_rules(engine) for key in (code, name)}
            review = frozenset(rule.spec.code for rule in engine.rules if rule.spec.check in REVIEW_CHECKS)
            infos = {role: _role_info(engine.taxonomy, role) for role in engine.taxonomy.roles}
            checks = _Checks.of(active, review)
            self._active = _Ruleset(engine, active, _digest(active, config), names, review, checks, infos)
        return self._active

    def not_linted(self, posting: Posting, reason: str) -> Report:
        """The report of a posting that could not be linted: one ``CM000`` finding saying why."""
        return self._not_linted(posting.id, posting.title, _not_linted_finding(f"Вакансия не проверена: {reason}"))

    def _not_linted(self, id: str | None, title: str | None, finding: Finding) -> Report:
        return Report(id=id, title=title, findings=[finding], ruleset_version=self.ruleset_version, **assess([finding]).model_dump())

    def _posting_or_failure(self, item: object) -> Posting | Report:
        """``item`` as a posting, or the ``CM000`` report of an item that is not one."""
        try:
            return as_posting(item)
        except (TypeError, PostingError) as error:
            identifier = None
            if isinstance(item, Mapping):
                key = DEFAULT_FIELDS.key(DEFAULT_FIELDS.id, item)
                identifier = None if key is None else _plain_id(item[key])
            return self._not_linted(identifier, None, _not_linted_finding(f"Вакансия не проверена: {error}"))

    def _report(self, engine: Engine, posting: AnalyzedPosting, path: str | None, budget: Budget) -> Report:
        config = self.config
        findings: list[Finding] = []
        roles = posting.roles
        title_roles = roles.title_roles
        ruleset = self._ruleset(engine)
        checks = ruleset.checks
        if path is not None and config.per_file_ignores:
            checks = _Checks.of(
                ((rule, ctx) for rule, ctx in ruleset.rules if config.enabled(rule.spec.code, rule.spec.name, path)),
                ruleset.review,
            )
        for rule, ctx, wanted in checks.first:
            budget.check()
            if not wanted or not wanted.isdisjoint(title_roles):
                findings.extend(rule.run(posting, ctx))
        suppression = Suppression(posting.posting.text, ruleset.names)
        findings = suppression.filter(findings)
        if checks.reviewers and suppression.directives:
            reviewed = ReviewedPosting.of(posting, suppression.review(checks.codes, ruleset.review))
            found = [finding for rule, ctx in checks.reviewers for finding in rule.run(reviewed, ctx)]
            findings.extend(suppression.filter(found, named_only=ruleset.review))
        findings.sort(key=_finding_order)
        duty_profile = roles.duties.shares()
        named = [*roles.title_roles, *duty_profile, *(s.role for s in roles.suggestions), *(e.role for f in findings for e in f.evidence)]
        quality = assess(findings)
        return Report(
            id=posting.posting.id,
            title=posting.title.text,
            title_roles=list(roles.title_roles),
            duty_profile=duty_profile,
            suggested_titles=list(roles.suggestions),
            roles={role: ruleset.role_infos[role] for role in dict.fromkeys(named)},
            findings=findings,
            ruleset_version=ruleset.version,
            score=quality.score,
            verdict=quality.verdict,
        )


def _role_info(taxonomy: Taxonomy, role: str) -> RoleInfo:
    entry = taxonomy.roles[role]
    return RoleInfo(label=entry.label, board_name=entry.board_name, hh_roles=entry.hh_roles, kind=entry.kind)


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    """Title findings first, then by place in the text, then findings about the whole posting."""
    if finding.span is None:
        return (2, 0, finding.code)
    return (0 if finding.span.field == "title" else 1, finding.span.start, finding.code)


def _not_linted_finding(message: str) -> Finding:
    return Finding(code="CM000", name=NOT_LINTED, severity=Severity.ERROR, message=message)


def _internal_error(error: Exception) -> Finding:
    return _not_linted_finding(f"Внутренняя ошибка cmlint при разборе вакансии: {type(error).__name__}: {error}")


def _plain_id(value: object) -> str | None:
    """A record's id to name in its ``CM000`` report: a string, or an integer short enough to write out."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and short_number(value):
        return str(value)
    return None


def lint_one(linter: Linter, item: Posting | Report) -> Report:
    """Module-level worker: lint one posting with ``linter`` (picklable for any executor).

    A :class:`Report` (an item already found not to be a posting) passes through.
    """
    return item if isinstance(item, Report) else linter.lint_posting(item)


_DEFAULT: Linter | None = None


def default_linter() -> Linter:
    """The shared linter with the default configuration, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Linter()
    return _DEFAULT


def lint(text: str | bytes, title: str | None = None, id: str | None = None, format: str | None = None) -> Report:
    """Lint one posting with the default configuration (see :meth:`Linter.lint`)."""
    return default_linter().lint(text, title, id, format)
