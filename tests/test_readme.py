"""The README's two set-up commands are what CI runs and what a new user types."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_starts_with_two_setup_commands_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```bash\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    run, test = blocks[0].strip(), blocks[1].strip()
    assert run.startswith("pip install") and "cmlint check corpora/" in run
    assert test.startswith("pip install") and "pytest" in test
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_shows_what_the_first_command_prints() -> None:
    """The sample output under the set-up commands is what ``cmlint check corpora/samples/`` prints now: every line
    shown (an «…» stands for lines left out) comes in that order in the real output (the no-break space before «%»
    shown as a space)."""
    shown = re.findall(r"```text\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)[0]
    done = subprocess.run(
        [sys.executable, "-m", "cmlint", "check", "corpora/samples/"], cwd=ROOT, capture_output=True, text=True
    )
    printed = iter(done.stdout.replace("\u00a0", " ").splitlines())
    for line in (line for line in shown.splitlines() if line.strip() != "…"):
        assert line in printed, f"README shows a line «cmlint check corpora/samples/» no longer prints: {line}"
