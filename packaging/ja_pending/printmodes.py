"""Japanese for the strings added by the printmodes branch (#16 item 5: plain-paper sheets and
pre-printed forms with a per-printer offset)."""

JA = {
    "A4, two slips per sheet (enlarged)": "A4に2枚（拡大）",
    "A4, four slips per sheet (actual size, crop marks)": "A4に4枚（実寸・トンボ付き）",
    "A6, one slip per sheet (actual size)": "A6に1枚（実寸）",
    "Pre-printed forms (values only)": "専用用紙（値のみ印字）",
    "Pre-printed forms: only the values are printed, two slips on A4 landscape, "
    "moved by the position saved for the printer.": (
        "専用用紙には値だけを印字します（A4横に2枚）。印刷位置は、"
        "印刷するプリンターに保存した補正に合わせます。"
    ),
    "Print position…": "印刷位置の補正…",
    "Print position for pre-printed forms": "印刷位置の補正（専用用紙）",
    "1. Print the calibration page on plain paper at actual size (100 %).\n"
    "2. Lay it over a pre-printed form and hold both against the light.\n"
    "3. On each cross's scale, read where the form's own line runs "
    "(right and down are +, one mark is 0.5 mm) and enter it below.": (
        "1. 位置合わせ用紙を普通紙に「実際のサイズ（倍率100%）」で印刷します。\n"
        "2. 専用用紙に重ねて、光に透かします。\n"
        "3. 十字の目盛りで専用用紙の罫線が通る位置を読み（右・下が＋、1目盛り0.5mm）、"
        "下に入力します。"
    ),
    "Printer": "プリンター",
    "Across (right is +)": "横（右が＋）",
    "Down the page (down is +)": "縦（下が＋）",
    "Print calibration page…": "位置合わせ用紙を印刷…",
    "Save for this printer": "このプリンターに保存",
    "No printer is set up on this PC.": "このPCにはプリンターが設定されていません。",
    "Calibration page": "位置合わせ用紙",
}
