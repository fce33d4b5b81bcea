"""Japanese for the strings the `upgrade` branch added (file dialogs' labels)."""

JA = {
    "Look in:": "場所:",
    "Files of type:": "ファイルの種類:",
}
