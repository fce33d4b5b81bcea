"""Exceptions raised while rendering printable documents."""


class ReportError(Exception):
    """A document could not be rendered."""


class FontsMissing(ReportError):
    """The bundled Japanese fonts are absent, unreadable, or were never configured."""
