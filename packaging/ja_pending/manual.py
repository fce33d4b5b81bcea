"""Japanese for the strings the `manual` branch added (the user manual: Help menu and dialog)."""

JA = {
    "User manual": "操作マニュアル",
    "Search the manual": "マニュアル内を検索",
    "No chapter contains these words.": "この語句を含む章はありません。",
    "Save as PDF…": "PDFで保存…",
    "Close": "閉じる",
    "Save the manual as PDF…": "操作マニュアルをPDFで保存…",
    "Save the manual as PDF": "操作マニュアルをPDFで保存",
    "PDF files (*.pdf)": "PDFファイル (*.pdf)",
    "The manual was saved: %1": "操作マニュアルを保存しました：%1",
}
