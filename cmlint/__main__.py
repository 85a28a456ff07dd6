"""``python -m cmlint`` — the same as the ``cmlint`` command."""

from cmlint.cli.process import main

main()
