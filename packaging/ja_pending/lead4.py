"""Japanese for the lead's strings of session four (the analysis screen's log check)."""

JA = {
    "Caution: the access log failed its check, so these counts may not be complete or true. %1": (
        "注意：アクセス記録の検証で問題が見つかりました。ここに表示している件数は、"
        "欠けていたり改ざんされていたりするおそれがあります。%1"
    ),
}
