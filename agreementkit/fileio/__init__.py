"""Files in and out: atomic, no-clobber output."""
