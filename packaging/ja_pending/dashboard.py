"""Japanese for the strings added or moved by the dashboard branch (issue 13 items 6 and 7)."""

JA = {
    # Dashboard cards (ui/pages/dashboard_page.py).
    "My Numbers waiting for an identity check": "本人確認待ちの個人番号",
    "Check identities…": "本人確認を行う…",
    "Deletions waiting for your approval": "あなたの承認待ちの削除",
    "Open the deletion runs": "削除の実行計画を開く",
    "Approved deletions to execute": "実行待ちの削除（承認済み）",
    "Requests from individuals": "開示等の請求",
    "Open the requests": "請求の一覧を開く",
    "Backup": "バックアップ",
    "Back up now…": "今すぐバックアップ…",
    "Staff accounts": "職員アカウント",
    "Open the staff accounts": "職員管理を開く",
    "Old backups to destroy": "破棄が必要な古いバックアップ",
    "Nothing to do.": "対応が必要なものはありません。",
    "%1 items": "%1件",
    "%1 people": "%1人",
    "Registered in your groups without an identity check (本人確認) yet. Check the documents "
    "before using them.": "あなたの担当範囲で、本人確認がまだ済んでいない個人番号です。"
    "書類で本人確認を行ってから利用してください。",
    "Deletion runs proposed by another member. Check what they delete and approve them with "
    "your password.": "ほかの職員が提案した削除の実行計画です。削除する内容を確認し、"
    "パスワードを入力して承認してください。",
    "Approved deletion runs. Executing one erases the numbers for good and leaves the deletion "
    "records.": "承認済みの削除の実行計画です。実行すると個人番号を復元できないように消去し、"
    "削除・廃棄の記録を残します。",
    "Waiting for an answer: %1 (past the target: %2).": "回答待ち：%1件（うち回答の目標日を過ぎたもの：%2件）",
    "Request files past the years they are kept: %1. Discard them.": "保存期間を過ぎた請求の記録：%1件。廃棄してください。",
    "None yet": "未実施",
    "No backup has been made yet. Make one now, and then every %1 days.": "まだバックアップを作成していません。今すぐ作成し、以後は%1日ごとに作成してください。",
    "Today": "今日",
    "%1 days ago": "%1日前",
    "Last backup: %1\nNext one due: %2 (every %3 days)\nThat day has passed.": "最後のバックアップ：%1\n次回の目安：%2（%3日ごと）\n目安の日を過ぎています。",
    "Last backup: %1\nNext one due: %2 (every %3 days)\nThat day is today.": "最後のバックアップ：%1\n次回の目安：%2（%3日ごと）\n今日が目安の日です。",
    "Nothing to do.\nLast backup: %1\nNext one due: %2 (every %3 days)": "対応が必要なものはありません。\n最後のバックアップ：%1\n次回の目安：%2（%3日ごと）",
    "Locked after failed sign-ins: %1": "アカウントがロックされている職員：%1",
    "Waiting to set their own password: %1": "パスワードの設定待ち：%1",
    "Past their generation but out of reach, so not destroyed: they may still hold deleted My "
    "Numbers. Destroy them by hand: %1": "世代交代で削除するはずが保存先に見つからず、"
    "削除できなかったバックアップです。削除済みの個人番号が含まれている可能性があります。"
    "手作業で破棄してください：%1",
    "Back up to which folder?": "バックアップの保存先フォルダー",
    "Backup made": "バックアップ完了",
    "The backup was written and checked: %1": "バックアップを作成し、読み戻して確認しました：%1",
    # The pending identity checks (ui/dialogs/pending_verifications_dialog.py).
    "Waiting for an identity check": "本人確認待ちの人",
    "My Numbers registered in your groups whose identity check (本人確認) has not been done "
    "yet, the longest waiting first. Check the documents before using them.": "あなたの担当範囲で登録された個人番号のうち、本人確認がまだ済んでいないものです"
    "（待っている期間の長い順）。書類で本人確認を行ってから利用してください。",
    "Name": "氏名",
    "Kind": "区分",
    "Code / department": "コード・部署",
    "Identity check…": "本人確認…",
    "%1 more not listed: find them on the people page.": "ほかに%1人います。対象者の一覧から探してください。",
    "Double-click a person to start the identity check.": "人をダブルクリックすると本人確認を始めます。",
    # The deletion records tab (ui/pages/deletion_records_tab.py) and the runs list.
    "Deleted on": "削除日",
    "Person": "対象者",
    "Why": "理由・根拠",
    "Proposed by": "提案者",
    "Approved by": "承認者",
    "Executed by": "実行者",
    "Paper to shred": "廃棄する紙の書類",
    "Ledger (PDF)…": "記録簿（PDF）…",
    "Deletion certificate…": "削除証明書…",
    "Paper shredded": "紙の書類を廃棄した",
    "Record that the paper documents listed for this person were shredded.": "この人について挙げた紙の書類を裁断（廃棄）したことを記録します。",
    "Deletion records keep who proposed, approved and executed each deletion, when and why; "
    "never the number.": "削除・廃棄の記録には、誰が提案・承認・実行したか、いつ・なぜ削除したかを残し、"
    "個人番号は残しません。",
    "Period": "期間",
    " (shredded)": "（廃棄済み）",
    "Enter the period as dates, e.g. 2026-04-01.": "期間を 2026-04-01 のように日付で入力してください。",
    "Deletion ledger": "削除・廃棄記録簿",
    "Deletion certificate": "削除証明書",
    "Recorded that the paper was shredded.": "紙の書類の廃棄を記録しました。",
    # The staff page (ui/pages/staff_page.py, ui/models/staff_table_model.py).
    "Unlock account": "ロック解除",
    "Let a member locked out after failed sign-ins try again at once.": "サインインの失敗でアカウントがロックされた職員が、すぐにもう一度サインインできるようにします。",
    "Locked (until unlocked)": "ロック中（解除が必要）",
    "Locked (until %1)": "ロック中（%1まで）",
}
