"""Data models: the deal file, clause files, playbooks and the Agreement representation."""
