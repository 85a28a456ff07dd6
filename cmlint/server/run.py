"""Running the server: logging to stderr, uvicorn, graceful shutdown on SIGTERM and Ctrl-C.

One uvicorn process serves every connection asynchronously; the linting
happens in the worker processes of :mod:`cmlint.server.pool`.  On SIGTERM
uvicorn stops accepting connections, lets running requests finish (up to
:data:`GRACE_SECONDS`), then the workers are stopped.
"""

from __future__ import annotations

import logging
import signal
import sys

from cmlint.server.settings import ServerSettings

#: Seconds running requests get to finish after SIGTERM.
GRACE_SECONDS = 30


def missing_packages() -> list[str]:
    """The packages of the ``web`` extra that are not installed."""
    import importlib.util

    return [
        name
        for name, module in (("fastapi", "fastapi"), ("uvicorn", "uvicorn"), ("python-docx", "docx"))
        if importlib.util.find_spec(module) is None
    ]


def configure_logging() -> None:
    """Access lines (JSON) and server messages to stderr; uvicorn only for its warnings."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for name in ("cmlint.access", "cmlint.server"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False
    logging.getLogger("uvicorn").setLevel(logging.WARNING)


def serve(settings: ServerSettings) -> None:
    """Start the page and the API; return when the server has shut down."""
    import uvicorn

    from cmlint.server.app import create_app

    configure_logging()
    log = logging.getLogger("cmlint.server")
    app = create_app(settings)
    log.info("cmlint serve: запускаю обработчиков: %d …", settings.workers)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=GRACE_SECONDS,
    )
    # uvicorn handles SIGTERM and Ctrl-C gracefully, then raises the signal again for the handler
    # it found; a quiet one here lets the command end normally (exit code 0) after that.
    previous = {sig: signal.signal(sig, _after_shutdown) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        uvicorn.Server(config).run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    log.info("cmlint serve: остановлен")


def _after_shutdown(signum: int, frame: object) -> None:
    """The signal uvicorn re-raises once it has shut down: nothing left to do."""
