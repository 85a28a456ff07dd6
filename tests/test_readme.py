"""The README's two set-up commands are what CI runs and what a new user types."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_starts_with_two_setup_commands_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```bash\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    run, test = blocks[0].strip(), blocks[1].strip()
    assert run.startswith("pip install") and "cmlint check corpora/" in run
    assert test.startswith("pip install") and "pytest" in test
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
