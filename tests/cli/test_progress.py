import io

from cmlint.cli import progress as progress_module
from cmlint.cli.progress import Progress


def test_progress_draws_after_half_a_second_and_clears(monkeypatch) -> None:
    clock = iter([0.0, 0.1, 0.7, 0.75, 0.9, 1.2])
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    meter = Progress(total_files=2, stream=stream, enabled=True)
    meter.update("a.txt", 1, False)   # 0.1 s: too early to draw
    assert stream.getvalue() == ""
    meter.update("b.txt", 0, True)    # 0.7 s: draws
    assert "файлы 2/2" in stream.getvalue() and "ошибок 1" in stream.getvalue()
    meter.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_progress_is_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    meter = Progress(total_files=3, stream=stream)
    for _ in range(5):
        meter.update("a.txt", 0, False)
    meter.close()
    assert stream.getvalue() == ""
