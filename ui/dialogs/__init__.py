"""Dialogs used by more than one page."""
