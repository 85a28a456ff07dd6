"""Python checks: rules that need reasoning. Importing this package registers them."""

from cmlint.checks import role_confusion

__all__ = ["role_confusion"]
