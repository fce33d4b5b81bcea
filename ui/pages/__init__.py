"""One screen per module; each page loads from services when shown and drops data on lock."""
