"""Registration of the bundled fonts, the only fonts any document uses: IPAex Gothic and
Mincho, and MNDeskGaijiMincho (a subset of IPAmj明朝) for the characters of names IPAex lacks
(reports.glyphs puts them in that font)."""

from __future__ import annotations

import pathlib

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from reports.errors import FontsMissing

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"
GAIJI = "MNDeskGaijiMincho"

_FONT_FILES: dict[str, str] = {
    GOTHIC: "ipaexg.ttf",
    MINCHO: "ipaexm.ttf",
    GAIJI: "mndesk-gaiji-mincho.ttf",
}
SUBSTITUTES_FILE = "substitutes.txt"

# Process-wide because reportlab's font registry is process-wide too.
_configured = False
_font_dir: pathlib.Path | None = None


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap of a font subset, with characters beyond the BMP written as
    UTF-16 surrogate pairs: reportlab writes 「𠮷」 (U+20BB7) as <20BB7>, five digits, which
    readers take for U+20BB, so the text copied or searched from the PDF was 「₻田」."""
    text = _reportlab_cmap(fontname, subset)
    for code in subset:
        if code > 0xFFFF:
            utf16 = chr(code).encode("utf-16-be").hex().upper()
            text = text.replace(f"> <{code:04X}>", f"> <{utf16}>")
    return text


_reportlab_cmap = ttfonts.makeToUnicodeCMap
# The subset's ToUnicode map is built by this module-level function when the PDF is written.
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def configure(font_dir: pathlib.Path) -> None:
    """Register the bundled fonts from font_dir; calling it again is harmless."""
    global _configured, _font_dir
    paths = {name: pathlib.Path(font_dir) / filename for name, filename in _FONT_FILES.items()}
    # Checked on every call so a wrong directory is reported even after a successful configure.
    for path in paths.values():
        if not path.is_file():
            raise FontsMissing(
                f"Japanese font file not found: {path} (expected {path.name} in {font_dir})"
            )
    if _configured:
        return
    _font_dir = pathlib.Path(font_dir)
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


def font_dir() -> pathlib.Path:
    """The directory configure() registered the fonts from."""
    require_fonts()
    assert _font_dir is not None
    return _font_dir


def is_configured() -> bool:
    return _configured


def require_fonts() -> None:
    """Raise FontsMissing unless configure() has succeeded in this process."""
    if not _configured:
        raise FontsMissing(
            "Japanese fonts are not configured: call reports.fonts.configure(font_dir) first"
        )
