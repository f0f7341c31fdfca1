"""The clause library: bundled and user folders, clause variables and variants, the sandboxed Jinja environment."""
