"""Japanese for the strings added on the sheets branch (the paper choice of the 支払調書 and the
退職所得の源泉徴収票 dialogs)."""

JA = {
    "Every saved record of this payee (one slip each)": "この支払先の保存済みの全件（1件1枚）",
    "Paper": "用紙",
    "Pre-printed forms: only the values are printed, two slips on A4, "
    "moved by the position saved for the printer.": (
        "専用用紙には値だけを印字します（A4に2枚）。"
        "印刷位置は、印刷するプリンターに保存した補正に合わせます。"
    ),
}
