"""The cmlint process from start to exit: signals, a closed stdout, the exit code.

Ctrl-C (SIGINT) or SIGTERM at any moment — while Python imports spaCy, while
the engine is built, in the middle of a batch — ends the run with one line on
stderr and the code 130 (SIGINT) or 143 (SIGTERM), never a traceback;
``cmlint check`` first closes its output, so every finished record is kept.
A reader that closes the pipe early (``cmlint check … | head -1``) ends the
run quietly with code 0, as ruff does.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

from cmlint.cli.interrupt import Terminated, interrupted, say
from cmlint.io.output import PipeClosed


def main() -> None:
    """Console entry point.

    Exits with ``os._exit`` after flushing the output: tearing down spaCy's
    vocabulary and the analyzer caches at interpreter shutdown costs a fifth
    of a second that a one-file ``cmlint check`` would otherwise pay.
    """
    signal.signal(signal.SIGTERM, _terminate)
    code = _run()
    os._exit(_flush(code))


def _terminate(number: int, frame: FrameType | None) -> None:
    raise Terminated()


def _run() -> int:
    try:
        _skip_spacy_cli()
        from cmlint.cli.app import app

        app(prog_name="cmlint")
    except SystemExit as exit:
        if isinstance(exit.code, str):
            say(exit.code)
            return 1
        return exit.code or 0
    except KeyboardInterrupt as error:
        return interrupted(error)
    except PipeClosed:
        _silence_stdout()
    return 0


def _flush(code: int) -> int:
    """Flush stdout and stderr; a closed stdout is not an error, a failed one is (code 2)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError) as error:
        say(f"cmlint: не удалось записать stdout: {getattr(error, 'strerror', None) or error}")
        code = 2
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that what is still buffered is dropped without another error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _skip_spacy_cli() -> None:
    """Let ``import spacy`` skip spaCy's own command line in this process.

    ``import spacy`` imports ``spacy.cli`` (weasel, httpx, jinja2 …) only to
    export ``spacy.info``; that is a fifth of cmlint's start-up.  The cmlint
    command never uses spaCy's CLI, so before spaCy is imported it gets an
    empty ``spacy.cli`` package.  Any failure falls back to a normal import.
    """
    if "spacy" in sys.modules:
        return
    import importlib.util
    import types

    try:
        spec = importlib.util.find_spec("spacy")
        if spec is None or not spec.submodule_search_locations:
            return
        package = types.ModuleType("spacy.cli")
        package.__path__ = [os.path.join(location, "cli") for location in spec.submodule_search_locations]
        info = types.ModuleType("spacy.cli.info")

        def unavailable(*args: object, **kwargs: object) -> None:
            raise RuntimeError("spacy.info недоступен внутри команды cmlint")

        info.info = unavailable  # type: ignore[attr-defined]
        sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = package, info
        import spacy  # noqa: F401
    except Exception:
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
