"""One module per area; one function per user action: check, do, audit, commit together."""
