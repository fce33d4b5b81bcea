JA = {
    "Signed checkpoint: %1.": "署名付きチェックポイント：%1。",
    "No signed checkpoint yet.": "署名付きチェックポイントはまだありません。",
}
