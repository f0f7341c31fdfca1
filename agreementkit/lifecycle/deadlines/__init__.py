"""Deadlines that follow from an agreement's own terms, and their iCalendar export."""
