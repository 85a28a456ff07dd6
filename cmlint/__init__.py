"""cmlint — a quality linter for Russian job postings.

>>> import cmlint
>>> report = cmlint.lint("Обязанности: холодные звонки, план продаж", title="Комьюнити-менеджер")
>>> report.codes()
['CM001']
"""

from cmlint.config import Config, ConfigError, load_config
from cmlint.engine.specs import PackError
from cmlint.linter import Linter, lint
from cmlint.models import EvidenceItem, Finding, Fix, Edit, Posting, Report, Severity, Span, TitleSuggestion

__version__ = "0.1.0"

__all__ = [
    "Config", "ConfigError", "Edit", "EvidenceItem", "Finding", "Fix", "Linter", "PackError",
    "Posting", "Report", "Severity", "Span", "TitleSuggestion", "lint", "load_config", "__version__",
]
