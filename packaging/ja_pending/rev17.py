"""Japanese for the strings added by the rev17 review (#17 records)."""

JA = {
    "This point is about your own actions: another supervisor or the manager checks it.": (
        "ご自身の操作についての注意事項です。ほかの事務取扱責任者または特定個人情報管理責任者が確認します。"
    ),
}
