"""PySide6 user interface: windows, pages, dialogs, models, the lock and the clipboard."""
