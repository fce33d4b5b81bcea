"""Japanese for the strings of the outputs register (#16 items 6-8)."""

JA = {
    "Outputs register…": "持出し・出力記録…",
    "Outputs register": "持出し・出力記録",
    "Outputs to confirm": "結果の確認が済んでいない持出し・出力",
    "Open the outputs register": "持出し・出力記録を開く",
    "Papers or files with My Numbers whose result (submitted, handed over, destroyed or "
    "returned) is not recorded yet, past the days set.": (
        "個人番号を記載した書類・ファイルのうち、設定した日数を過ぎても結果（提出・交付・廃棄・返却）"
        "が記録されていないものです。"
    ),
    "Password of the PDF": "PDFのパスワード",
    "%1 was saved encrypted. It opens only with this password. Send the password separately "
    "from the file (by phone or another e-mail). It is not shown again and the program does "
    "not keep it.": (
        "%1 を暗号化して保存しました。このパスワードでしか開けません。パスワードはファイルとは別の"
        "手段（電話や別のメールなど）でお伝えください。パスワードは再表示できず、プログラムにも"
        "保存されません。"
    ),
    "Copy the password": "パスワードをコピー",
    "Every print or saved file that carries My Numbers. When a paper has been submitted, "
    "handed over, destroyed or returned, record it here.": (
        "個人番号を記載して印刷・保存したものの一覧です。提出・交付・廃棄・返却したら、"
        "ここで結果を記録してください。"
    ),
    "No.": "出力番号",
    "Made": "出力日時・出力者",
    "Document": "書類",
    "Persons": "人数",
    "Submitted to": "提出先・交付先",
    "Method": "方法",
    "Result": "結果",
    "Record the result": "結果を記録",
    "Outputs register (PDF)…": "持出し・出力記録（PDF）…",
    "Close": "閉じる",
    "Result of the selected output:": "選んだ出力の結果：",
    " (past the day to confirm)": "（確認期限を過ぎています）",
    " (%1)": "（%1）",
    "Save as encrypted PDF…": "暗号化したPDFで保存…",
    "Paper (print)": "紙（印刷）",
    "PDF (encrypted, password sent separately)": "PDF（暗号化、パスワードは別途連絡）",
    "Output as": "出力の方法",
    "Bulk output of My Numbers": "個人番号の一括出力",
    "Reason:": "出力する理由：",
    "Save as an encrypted PDF": "暗号化したPDFで保存",
    "PDF (*.pdf)": "PDF (*.pdf)",
    "Choose another folder": "別のフォルダーを選んでください",
    "A file carrying My Numbers cannot be saved in a temporary folder. Choose the folder where "
    "the office keeps such files.": (
        "個人番号を記載したファイルは一時フォルダーには保存できません。事業所で決めた保管用の"
        "フォルダーを選んでください。"
    ),
}
