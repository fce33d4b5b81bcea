"""Japanese for the strings added by the `preview` branch (PDF preview window)."""

JA = {
    "Print (Ctrl+P)": "印刷（Ctrl+P）",
    "Save as PDF (Ctrl+S)": "PDFで保存（Ctrl+S）",
    "Close": "閉じる",
    "Previous page (PageUp)": "前のページ（PageUp）",
    "Next page (PageDown)": "次のページ（PageDown）",
    "Page number": "ページ番号",
    "/ %1 pages": "/ %1 ページ",
    "Zoom out (Ctrl+-)": "縮小（Ctrl+-）",
    "Zoom in (Ctrl++)": "拡大（Ctrl++）",
    "Fit the page's width to the window (Ctrl+2)": "ページの幅をウィンドウに合わせる（Ctrl+2）",
    "Fit width": "幅に合わせる",
    "Show a whole page (Ctrl+0)": "ページ全体を表示（Ctrl+0）",
    "Whole page": "ページ全体",
}
