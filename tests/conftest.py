"""Shared fixtures: one engine for the whole session (building it takes a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmlint import Linter
from cmlint.linter import Engine

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter().prepare()


@pytest.fixture(scope="session")
def engine(linter: Linter) -> Engine:
    return linter.engine


@pytest.fixture(scope="session")
def morphology(engine: Engine):
    return engine.morphology
