"""Japanese for the strings added on branch outwd (outputs register: withdrawn entries and
confirmations that fit the destination)."""

JA = {
    "Every print or saved file that carries My Numbers. When a paper has been submitted, handed "
    "over, destroyed or returned, record it here. A copy that was previewed and closed without "
    "being printed or saved shows as withdrawn.": (
        "個人番号を記載して印刷・保存したものの一覧です。提出・交付・廃棄・返却したら、ここで"
        "結果を記録してください。プレビューを表示しただけで印刷も保存もしなかったものは"
        "「取消（出力せず）」と表示されます。"
    ),
    "Result of the selected output": "選択した出力の結果",
}
