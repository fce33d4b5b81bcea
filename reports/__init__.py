"""Printable PDF documents (reportlab only; no other package of the application is imported)."""
