"""Japanese for the strings added on the `faults` branch (issue 14 items 6-9)."""

JA = {
    "Data in use": "データを使用中です",
    "Try again": "再試行",
    "Close": "閉じる",
}
