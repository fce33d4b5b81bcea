"""The colours of status text, one place: errors red, a sufficient check green, notes grey."""

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
NOTE_STYLE = "color: #555555;"
