"""Pure rules and values: standard library only, no Qt, no SQL, no I/O."""
