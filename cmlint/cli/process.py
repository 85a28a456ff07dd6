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

from cmlint import collector
from cmlint.cli.interrupt import Terminated, held, interrupted, say
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
        with held(), collector.paused(freeze=True):  # the modules live as long as the process
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
