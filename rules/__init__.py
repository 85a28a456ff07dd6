"""Rule packs and linguistic data shipped with cmlint (YAML only; no code)."""
