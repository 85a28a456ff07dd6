"""cmlint."""
