"""Japanese for the strings added by the papers branch (#15 items 14-18)."""

JA = {
    "Sender and contact (printed on the notices and forms)": "差出人と連絡先（通知書・請求書に印刷）",
    "e.g. 特定個人情報管理責任者 総務部長 (empty: 特定個人情報管理責任者)": "例：特定個人情報管理責任者 総務部長（空欄なら「特定個人情報管理責任者」）",
    "e.g. 山田 一郎 (empty: the manager, when there is one)": "例：山田 一郎（空欄なら、管理責任者が1人のときはその氏名）",
    "Sender's title": "差出人の役職",
    "Sender's name": "差出人の氏名",
    "Save the sender and contact": "差出人と連絡先を保存",
    "The sender and contact are saved.": "差出人と連絡先を保存しました。",
    "left out": "印刷しません",
    "Some characters of this name cannot be printed with the program's fonts: %1. The papers print the usual character in their place; the name is kept as typed.": "この氏名には、印刷用のフォントにない文字があります：%1。書類には一般的な字体で印刷します（登録される氏名は入力どおりです）。",
}
