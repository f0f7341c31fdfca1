"""Notice letters: renewal, non-renewal, cure, termination and improvement plan (issue 14)."""
