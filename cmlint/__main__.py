"""``python -m cmlint`` — the same as the ``cmlint`` command."""

from cmlint.cli.app import main

main()
