"""Japanese for the strings the deletion papers work (issue 15, items 12–13) added."""

JA = {
    # The deletion records tab: the office's 取扱部署, printed on the ledger
    "Handling department": "取扱部署",
    "e.g. General Affairs": "例：総務部",
    "The department that handles My Numbers, printed on the deletion ledger. "
    "The manager sets it; it is saved when the ledger is made.": (
        "個人番号を取り扱う部署です。削除・廃棄記録簿に記載します。"
        "特定個人情報管理責任者が入力し、記録簿を作成したときに保存されます。"
    ),
}
