JA = {
    "Not printed": "印刷しませんでした",
    'A paper carrying My Numbers is not printed to a file. Choose a printer, or save it with "Save as encrypted PDF…" in the preview.': "個人番号が記載された書類は、ファイルへは出力できません。プリンターを選ぶか、プレビューの「暗号化したPDFで保存…」で保存してください。",
}
