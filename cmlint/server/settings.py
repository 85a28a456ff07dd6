"""What ``cmlint serve`` can be told: address, workers, limits, the time budget."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cmlint.config import MAX_TIME_BUDGET

MIB = 1024 * 1024


class ServerSettings(BaseModel):
    """Settings of one server; every limit applies per request or per posting."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    #: Lint worker processes: a slow posting occupies one of them, never the others.
    workers: int = Field(default=2, ge=1, le=64)
    #: Largest body of ``/v1/lint`` and ``/v1/fix`` (and one line of a batch).
    max_body_bytes: int = Field(default=2 * MIB, gt=0)
    #: Largest body of ``/v1/lint/batch``.
    max_batch_bytes: int = Field(default=200 * MIB, gt=0)
    #: Largest uploaded file (``/v1/extract``); Word files with pictures are big.
    max_upload_bytes: int = Field(default=20 * MIB, gt=0)
    #: Seconds one posting may take (the library's ``time-budget``; ``None``: the configuration's, 10 by default).
    time_budget: float | None = Field(default=None, gt=0, le=MAX_TIME_BUDGET, allow_inf_nan=False)
    #: A configuration file (``cmlint.toml`` or ``pyproject.toml``); ``None``: built-in defaults.
    config_path: Path | None = None
