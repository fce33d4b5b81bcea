"""Japanese for the strings the lead added in session 3 (merges and wiring)."""

JA = {
    "Summary table…": "合計表…",
    "The summary table of the statutory records of the year, from what was saved for it": (
        "この年分として保存した内容から、法定調書合計表を作ります"
    ),
    "Enter amounts…": "金額を入力…",
    "Type or correct the selected employee's amounts (or double-click the row)": (
        "選んだ従業員の金額を入力・訂正します（行のダブルクリックでも開きます）"
    ),
    "Printing": "印刷・出力",
}
