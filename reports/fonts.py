"""Registration of the bundled IPAex Japanese fonts, the only fonts any document uses."""

from __future__ import annotations

import pathlib

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from reports.errors import FontsMissing

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"

_FONT_FILES: dict[str, str] = {GOTHIC: "ipaexg.ttf", MINCHO: "ipaexm.ttf"}

# Process-wide because reportlab's font registry is process-wide too.
_configured = False


def configure(font_dir: pathlib.Path) -> None:
    """Register IPAex Gothic and Mincho from font_dir; calling it again is harmless."""
    global _configured
    paths = {name: pathlib.Path(font_dir) / filename for name, filename in _FONT_FILES.items()}
    # Checked on every call so a wrong directory is reported even after a successful configure.
    for path in paths.values():
        if not path.is_file():
            raise FontsMissing(
                f"Japanese font file not found: {path} (expected {path.name} in {font_dir})"
            )
    if _configured:
        return
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in paths.items():
        if name in registered:
            continue
        try:
            # TTFont is always embedded as a subset, so the PDF renders on PCs without these fonts.
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError) as exc:
            raise FontsMissing(f"Japanese font file could not be loaded: {path} ({exc})") from exc
    # No bold faces exist: <b> in Mincho body text means Gothic, the usual Japanese emphasis.
    pdfmetrics.registerFontFamily(
        MINCHO, normal=MINCHO, bold=GOTHIC, italic=MINCHO, boldItalic=GOTHIC
    )
    pdfmetrics.registerFontFamily(
        GOTHIC, normal=GOTHIC, bold=GOTHIC, italic=GOTHIC, boldItalic=GOTHIC
    )
    _configured = True


def require_fonts() -> None:
    """Raise FontsMissing unless configure() has succeeded in this process."""
    if not _configured:
        raise FontsMissing(
            "Japanese fonts are not configured: call reports.fonts.configure(font_dir) first"
        )
