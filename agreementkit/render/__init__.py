"""Renderers: each reads only the Agreement representation and imports its own library lazily."""
