"""Builds resources/fonts/mndesk-gaiji-mincho.ttf and resources/fonts/substitutes.txt
(developers' tool, not shipped; the two files it writes are committed).

The bundled IPAex fonts draw JIS X 0208 and most of JIS X 0213, but not every character found
in people's names: 「𠮷田」 printed as 「☒田」. This script takes from IPAmj明朝 (the font of the
MJ characters used for names in Japanese registers, IPA Font License like IPAex) the characters
the IPAex fonts lack among:
  - JIS X 0213:2004 and JIS X 0212 (what Japanese input methods and older systems type), and
  - the Unihan variants (kZVariant, kSpoofingVariant, kSemanticVariant,
    kSpecializedSemanticVariant) of a character IPAex draws: 𠮷 (of 吉), 𣘺 (of 橋), …
as a subset of about 3,500 glyphs (under 2 MB) named MNDeskGaijiMincho: the IPA Font License
(第3条1項(4)) does not let a derived font keep the original's name. It also writes the
substitutes for characters that IPAex does not draw: a Unihan variant that IPAex draws.

Needs Debian's fonts-ipamj-mincho, python3-fonttools and unicode-data:
    apt-get install fonts-ipamj-mincho python3-fonttools unicode-data
    /usr/bin/python3 packaging/gaiji_font.py
To go back to the original font, install fonts-ipamj-mincho and use
/usr/share/fonts/truetype/ipamj/ipamjm.ttf in place of the subset (resources/fonts/
MNDeskGaijiMincho_LICENSE.txt says the same, as the licence asks).
"""

from __future__ import annotations

import bz2
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")
UNIHAN = Path("/usr/share/unicode/Unihan_Variants.txt.bz2")
FAMILY = "MNDeskGaijiMincho"
OUT = FONTS / "mndesk-gaiji-mincho.ttf"
SUBSTITUTES = FONTS / "substitutes.txt"
_VARIANT_KEYS = ("kZVariant", "kSpoofingVariant", "kSemanticVariant", "kSpecializedSemanticVariant")
_PLANES = (*range(0x2E80, 0xA000), *range(0xF900, 0xFB00), *range(0x20000, 0x32000))


def _encodable(codec: str) -> set[int]:
    found = set()
    for code in _PLANES:
        try:
            chr(code).encode(codec)
        except UnicodeEncodeError:
            continue
        found.add(code)
    return found


def _variants() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            code, key, value = line.rstrip("\n").split("\t")
            if key in _VARIANT_KEYS:
                found.setdefault(int(code[2:], 16), []).extend(
                    int(v.split("<")[0][2:], 16) for v in value.split()
                )
    return found


def main() -> None:
    ipaex = TTFont(FONTS / "ipaexm.ttf", lazy=True).getBestCmap()
    ipaex_gothic = TTFont(FONTS / "ipaexg.ttf", lazy=True).getBestCmap()
    drawn = set(ipaex) & set(ipaex_gothic)
    source = TTFont(IPAMJ)
    mj = source.getBestCmap()
    variants = _variants()
    wanted = _encodable("euc_jis_2004") | _encodable("iso2022_jp_1")
    wanted |= {c for c, targets in variants.items() if any(t in drawn for t in targets)}
    wanted = {c for c in wanted if c in mj and c not in drawn}
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.drop_tables += ["BASE", "GDEF", "GPOS", "GSUB", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(source)
    names = source["name"]
    for record in names.names:
        if record.nameID in (1, 4):
            record.string = FAMILY
        elif record.nameID == 3:
            record.string = f"{FAMILY}-2026.12"
        elif record.nameID == 6:
            record.string = FAMILY
    source.save(OUT)
    # Characters IPAex does not draw, with a variant it draws: printed in their place where
    # they are not in the gaiji font, and where one font draws a whole line (a running head).
    lines = []
    for code in sorted(variants):
        if code in drawn:
            continue
        target = next((t for t in variants[code] if t in drawn), None)
        if target is not None:
            lines.append(f"{chr(code)}\t{chr(target)}")
    SUBSTITUTES.write_text(
        "# A character IPAex does not draw, TAB, the Unihan variant IPAex draws (printed in its\n"
        "# place where no bundled font can draw it; the record keeps what was typed).\n"
        "# Made by packaging/gaiji_font.py.\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print(f"{OUT.name}: {len(wanted)} characters, {OUT.stat().st_size:,} bytes")
    print(f"{SUBSTITUTES.name}: {len(lines)} substitutes")


if __name__ == "__main__":
    main()
