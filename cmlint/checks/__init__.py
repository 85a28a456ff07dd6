"""Python checks: rules that need reasoning. Importing this package registers them."""

from cmlint.checks import community_work, role_confusion, role_overload, structure, style

__all__ = ["community_work", "role_confusion", "role_overload", "structure", "style"]
