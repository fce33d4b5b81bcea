"""Japanese for the strings the access-log analysis (issue 17, item 1) added."""

JA = {
    # The records page
    "Analysis and audit report…": "分析・監査報告書…",
    # The analysis dialog
    "Access log analysis": "アクセス記録の分析",
    "Analyse": "分析する",
    "Audit report (PDF)…": "監査報告書（PDF）…",
    "Audit report": "監査報告書",
    "Period": "期間",
    "Rule": "基準",
    "Member": "職員",
    "What happened": "内容",
    "Checked": "確認",
    "What you found out (reason, action taken)": "確認した内容（理由や対応）",
    "Record as checked": "確認済みとして記録",
    "Points to check": "注意事項",
    "Reveals %1, outputs %2, failed sign-ins %3. Points to check: %4 (%5 not yet checked).": (
        "個人番号の表示等 %1件、出力 %2件、サインイン失敗 %3件。注意事項 %4件（未確認 %5件）。"
    ),
    "%1 on %2: %3": "%1（%2）：%3",
    "Not yet checked": "未確認",
    "Rule: %1": "基準：%1",
    "Recorded as checked.": "確認済みとして記録しました。",
    # The charts
    "Per day": "日別",
    "Per member": "職員別",
    "Reveals": "個人番号の表示等",
    "Outputs": "出力",
    "Failed sign-ins": "サインイン失敗",
}
