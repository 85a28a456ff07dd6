"""Lint worker processes, each job within the posting's time budget.

Each worker is a process with its own :class:`~cmlint.linter.Linter`, fed
one job at a time through a pipe.  The library keeps the time budget itself
(a posting over ``time-budget`` gets a ``CM000`` report).  As a backstop, a
job still running at twice the budget plus :data:`GRACE_SECONDS`, or a worker
that dies (an OOM kill), costs only that job: the worker is killed and
replaced while the others go on serving.  Workers ignore Ctrl-C (the server
shuts them down in order) and never log (a log could quote a posting).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from cmlint.config import Config
from cmlint.server.work import Answer, execute, not_linted, ready_message

log = logging.getLogger("cmlint.server")

#: Seconds a new worker may take to build its engine.
START_TIMEOUT = 120.0
#: Beyond twice the time budget, a job gets this long before its worker is killed.
GRACE_SECONDS = 5.0


def _work(conn: Connection, config: Config) -> None:
    """The worker process: build the linter once, then answer jobs until the pipe closes."""
    from cmlint.linter import Linter

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("cmlint").disabled = True
    linter = Linter(config).prepare()
    conn.send(ready_message(linter))
    while True:
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(execute(linter, kind, payload))


class Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, context: multiprocessing.context.SpawnContext, config: Config) -> None:
        self._context = context
        self._config = config
        self.ready: dict[str, Any] = {}
        self._stopped = False
        self._spawn()

    def _spawn(self) -> None:
        self._conn, child = self._context.Pipe()
        self._process = self._context.Process(
            target=_work, args=(child, self._config), daemon=True, name="cmlint-worker"
        )
        self._process.start()
        child.close()

    def wait_ready(self) -> dict[str, Any]:
        """Block until the engine is built; what the worker reported."""
        try:
            if not self._conn.poll(START_TIMEOUT):
                raise RuntimeError(f"обработчик вакансий не запустился за {START_TIMEOUT:.0f} с")
            self.ready = self._conn.recv()
        except EOFError:
            raise RuntimeError(f"обработчик вакансий завершился при запуске (код {self._process.exitcode})") from None
        return self.ready

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def call(self, job: tuple[str, dict[str, Any]], timeout: float | None) -> Answer | str:
        """The worker's answer, or why there is none (the worker is replaced then)."""
        if not self.alive and not self._stopped:
            self.replace()  # it died while idle (an OOM kill): this job gets a fresh one
        try:
            self._conn.send(job)
            if self._conn.poll(timeout):
                answer: Answer = self._conn.recv()
                return answer
            reason = f"проверка не уложилась в {timeout:g} с, обработчик остановлен"
        except (EOFError, OSError):
            reason = "обработчик вакансии аварийно завершился"
        if not self._stopped:
            self.replace()
        return reason

    def replace(self) -> None:
        """Kill this worker and start a fresh one in its place."""
        self._process.kill()
        self._process.join()
        self._conn.close()
        self._spawn()
        self.wait_ready()

    def stop(self, timeout: float = 5.0) -> None:
        """Close the pipe (the worker exits after its current job); kill it if it does not."""
        self._stopped = True
        self._conn.close()
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


class WorkerPool:
    """``size`` workers behind an asyncio queue of idle ones; FIFO for waiting requests."""

    def __init__(self, size: int, config: Config) -> None:
        self.size = size
        budget = config.time_budget
        #: When a job's worker is killed (``None``: never; the configuration set no time budget).
        self.kill_after = None if budget is None else 2 * budget + GRACE_SECONDS
        self._config = config
        self._workers: list[Worker] = []
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="cmlint-wait")
        self.ready: dict[str, Any] = {}

    async def start(self) -> None:
        """Start every worker (in parallel) and wait until all are ready."""
        context = multiprocessing.get_context("spawn")
        self._workers = [Worker(context, self._config) for _ in range(self.size)]
        loop = asyncio.get_running_loop()
        reports = await asyncio.gather(*(loop.run_in_executor(self._threads, w.wait_ready) for w in self._workers))
        self.ready = reports[0]
        for worker in self._workers:
            self._idle.put_nowait(worker)

    @property
    def ruleset_version(self) -> str | None:
        return self.ready.get("ruleset_version")

    def alive(self) -> int:
        return sum(worker.alive for worker in self._workers)

    async def run(self, kind: str, payload: dict[str, Any]) -> Answer:
        """Run one job on the next idle worker; a worker past :attr:`kill_after` is replaced."""
        loop = asyncio.get_running_loop()
        worker = await self._idle.get()
        job = self._threads.submit(worker.call, (kind, payload), self.kill_after)
        # The worker is idle again when its job is done, even if the request was cancelled meanwhile.
        job.add_done_callback(lambda _: _soon(loop, self._idle.put_nowait, worker))
        answer = await asyncio.wrap_future(job)
        if isinstance(answer, str):
            log.warning("задание не выполнено: %s", answer)
            return not_linted(kind, payload, f"Вакансия не проверена: {answer}", self.ruleset_version)
        return answer

    async def close(self) -> None:
        """Stop every worker after its current job."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(None, w.stop) for w in self._workers))
        self._threads.shutdown(wait=False)


def _soon(loop: asyncio.AbstractEventLoop, callback: Any, *args: Any) -> None:
    """Schedule ``callback`` on ``loop`` from another thread, unless the loop is already gone (shutdown)."""
    if not loop.is_closed():
        loop.call_soon_threadsafe(callback, *args)
