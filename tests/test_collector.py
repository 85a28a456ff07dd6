"""The garbage collector is paused while the engine is built, and runs as before afterwards."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from cmlint import collector
from cmlint.cli.check import build_linter
from cmlint.cli.options import CheckOptions
from cmlint.config import Config
from cmlint.linter import build_engine


@pytest.fixture
def collections() -> Iterator[list[int]]:
    found: list[int] = []

    def count(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            found.append(info["generation"])

    gc.callbacks.append(count)
    yield found
    gc.callbacks.remove(count)


def test_building_the_engine_collects_no_garbage(collections: list[int]) -> None:
    build_engine(Config())
    assert len(collections) <= 1 and gc.isenabled()  # the one the next object after the build starts


def test_a_collector_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_freezing_keeps_what_exists_out_of_later_collections() -> None:
    with collector.paused(freeze=True):
        assert not gc.isenabled()
    try:
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_command_freezes_its_modules() -> None:
    # The CLI imports its modules with the collector paused and keeps them out of later collections.
    code = (
        "import sys; sys.argv = ['cmlint', '--help']; from cmlint.cli.process import _run; _run(); "
        "import gc; print(gc.get_freeze_count(), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(done.stderr.split()[-1]) > 10_000


def test_the_command_keeps_its_engine_out_of_later_collections() -> None:
    # The engine of `cmlint check` lives as long as the process: frozen, its objects are not walked again by
    # the first collections after the build (two of them took a twentieth of a second of a one-file check).
    linter = build_linter(CheckOptions(paths=["-"]))
    try:
        assert not any(tracked is linter.engine.rules for tracked in gc.get_objects())
    finally:
        gc.unfreeze()
