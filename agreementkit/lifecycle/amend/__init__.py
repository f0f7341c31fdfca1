"""Amendments: two versions of a deal → amendment agreement, 修正條文對照表, tracked-changes redline, JSON."""
