"""The data is found one way: a wheel built from this tree lints in a clean environment, and so does the plain checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
POSTING = "Комьюнити-менеджер\nОбязанности:\n- холодные звонки по базе\n- выполнение плана продаж\n- ведение сделок в CRM\n"


@pytest.fixture(scope="module")
def clean_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with only the wheel of this tree installed.

    Its dependencies (spaCy, pymorphy3 …) are borrowed from the running
    environment through a ``.pth`` line, which Python adds to the path without
    reading that folder's own ``.pth`` files, so a development install of
    cmlint there stays invisible.
    """
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(folder), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = folder.glob("cmlint-*.whl")
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return python


def run(python: Path, *args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | (env or {})
    return subprocess.run([str(python), *args], cwd=cwd, env=environment, capture_output=True, text=True, check=False)


def test_the_wheel_lints_with_its_own_data(clean_python: Path, tmp_path: Path) -> None:
    probe = "import cmlint, cmlint.resources as r, cmlint.bench as b; print(cmlint.__file__); print(r.data_dir()); print(len(b.corpus_texts()))"
    where = run(clean_python, "-c", probe, cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    package, data, postings = where.stdout.split()
    site = Path(package).parent.parent
    assert Path(data) == site / "cmlint" / "rules", "the wheel must read the rules it carries"
    assert int(postings) > 100, "cmlint bench needs the postings shipped in the wheel"

    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    result = run(clean_python, "-m", "cmlint", "check", str(posting), "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    codes = [f["code"] for record in json.loads(result.stdout) for f in record["report"]["findings"]]
    assert "CM001" in codes


def test_a_plain_checkout_lints_with_its_own_data(clean_python: Path, tmp_path: Path) -> None:
    probe = "import cmlint, cmlint.resources as r; print(cmlint.__file__); print(r.data_dir()); print(cmlint.lint(open('p.txt').read()).codes())"
    (tmp_path / "p.txt").write_text(POSTING, encoding="utf-8")
    result = run(clean_python, "-c", probe, cwd=tmp_path, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    package, data, codes = result.stdout.splitlines()
    assert Path(package) == ROOT / "cmlint" / "__init__.py"
    assert Path(data) == ROOT / "rules"
    assert "CM001" in codes
