"""Rule documentation: ``cmlint explain`` and the generated rule reference."""

from __future__ import annotations

from cmlint.engine.specs import Example, RuleSpec

_SEVERITY = {"error": "ошибка", "warning": "предупреждение", "suggestion": "совет"}


def _example(example: Example) -> str:
    lines = []
    if example.title is not None:
        lines.append(f"    Название: {example.title}")
    lines.extend(f"    {line}" for line in example.text.splitlines())
    return "\n".join(lines)


def render_explanation(spec: RuleSpec) -> str:
    """The full explanation of a rule, in Russian, as plain text."""
    out = [f"{spec.code} {spec.name} ({_SEVERITY[spec.severity.value]})", "", spec.title, ""]
    explanation = spec.explanation
    if explanation is not None:
        out += ["Что делает", explanation.what.strip(), "", "Почему это важно", explanation.why.strip(), ""]
        out += ["Плохо", *(f"    {line}" for line in explanation.bad.splitlines()), ""]
        out += ["Лучше", *(f"    {line}" for line in explanation.good.splitlines()), ""]
    out += ["Сообщение", f"    {spec.message}", ""]
    if spec.examples.fire:
        out.append("Срабатывает на")
        for example in spec.examples.fire:
            out += [_example(example), ""]
    if spec.examples.quiet:
        out.append("Не срабатывает на")
        for example in spec.examples.quiet:
            out += [_example(example), ""]
    if explanation is not None and explanation.references:
        out.append("Источники")
        out += [f"    {reference}" for reference in explanation.references]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_markdown(specs: list[RuleSpec]) -> str:
    """A Markdown reference of all rules (``docs/rules.md``)."""
    out = ["# Правила cmlint", "", "| Код | Имя | Важность | Описание |", "|---|---|---|---|"]
    out += [f"| {s.code} | `{s.name}` | {_SEVERITY[s.severity.value]} | {s.title} |" for s in specs]
    for spec in specs:
        out += ["", f"## {spec.code} `{spec.name}`", "", "```text", render_explanation(spec).rstrip(), "```"]
    return "\n".join(out) + "\n"
