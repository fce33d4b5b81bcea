"""Business settings as text values; types and defaults live in app.domain.settings."""

from __future__ import annotations

from storage.connection import Connection


def all_values(conn: Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM setting")}


def put(conn: Connection, key: str, value: str, now: str) -> None:
    conn.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (key, value, now),
    )
