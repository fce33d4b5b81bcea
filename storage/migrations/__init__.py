"""Numbered SQL migrations; a released file is never edited, a new step gets the next number."""
