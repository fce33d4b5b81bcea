"""Japanese for the strings of the inspection branch (点検・研修 page)."""

JA = {
    # The page
    "Inspection and training": "点検・研修",
    "Records of the office's own safeguards: the training held, the yearly review of the "
    "accounts, and the yearly self-inspection signed by those responsible.": (
        "事業所の安全管理措置の記録です。実施した研修、年1回のアカウントの棚卸し、"
        "責任者が署名する年1回の自己点検を記録します。"
    ),
    "Training": "研修記録",
    "Account review": "アカウントの棚卸し",
    "Self-inspection": "自己点検",
    "Compliance map": "対応表",
    # 研修記録
    "Held on": "実施日",
    "Title": "研修名",
    "Trainer": "講師",
    "Attendees": "参加者",
    "Record a training": "研修を記録",
    "Others without an account, separated by 、": "アカウントのない参加者（「、」で区切る）",
    "Record the training": "研修を記録する",
    "Content": "内容",
    "Materials": "資料",
    "%1 people": "%1人",
    "No training has been recorded yet.": "研修の記録はまだありません。",
    "The next training was due on %1.": "次回の研修の期限（%1）を過ぎています。",
    "The next training is due by %1.": "次回の研修の期限は%1です。",
    "Enter the day the training was held.": "研修の実施日を入力してください。",
    "The training was recorded.": "研修を記録しました。",
    "Recorded by": "記録者",
    # アカウントの棚卸し
    "Once a year, check that every account still needs its roles and scopes (規程第9条④). "
    "Mark the accounts to change or disable, then change them on the Staff page.": (
        "年に1回、すべてのアカウントについて役割と担当範囲が今も必要か確認します（規程第9条④）。"
        "変更や無効化が必要なアカウントに印を付け、「職員管理」の画面で変更してください。"
    ),
    "Name": "氏名",
    "Roles": "役割",
    "Scope": "担当範囲",
    "Signed roster": "名簿の署名",
    "Finding": "確認結果",
    "Note": "備考",
    "Result and what is to be done": "結果と今後の対応",
    "Record the review": "棚卸しを記録する",
    "Reviewed on": "実施日",
    "No account review has been recorded yet.": "アカウントの棚卸しの記録はまだありません。",
    "Reviewer": "実施者",
    "Accounts checked": "確認した数",
    "To change or disable": "変更・無効化が必要なアカウント",
    "Last review: %1 by %2.": "前回の棚卸し：%1（%2）",
    "no change needed": "変更の必要なし",
    " (disabled)": "（無効）",
    "Matches": "一致",
    "Differs": "不一致",
    "Confirmed (no change)": "確認済み（変更なし）",
    "Change roles or scope": "役割・担当範囲の変更が必要",
    "Disable the account": "無効化が必要",
    "Enter the day of the review.": "棚卸しの実施日を入力してください。",
    "The review was recorded (%1 accounts to change).": (
        "棚卸しを記録しました（変更・無効化が必要なアカウント：%1件）。"
    ),
    # 自己点検
    " (year)": "年",
    "%1 (year)": "%1年",
    "Preview and print the report…": "報告書を表示・印刷…",
    "Item": "項目",
    "Year inspected": "点検する年",
    "The report is made from what the program holds for the year: accounts, reveals per "
    "member, numbers past their date, unconfirmed outputs, incidents, overdue work, training, "
    "the account review and the access-log check. The 事務取扱責任者 and the "
    "特定個人情報管理責任者 sign the printed report.": (
        "報告書は、この年にプログラムに記録された情報から作成します（アカウントと役割、職員別の"
        "個人番号の表示、保存期間を過ぎた個人番号、確認のない出力、漏えい等事案、期限を過ぎた作業、"
        "研修、アカウントの棚卸し、アクセス記録の検証）。印刷した報告書に事務取扱責任者と"
        "特定個人情報管理責任者が署名します。"
    ),
    "%1 items need attention.": "確認が必要な項目が%1件あります。",
    "No item needs attention.": "確認が必要な項目はありません。",
    "Self-inspection report": "自己点検報告書",
    # 対応表
    "For each article of the office's two regulations: what the program does and where. "
    "Articles the program cannot serve are left to the office (運用で対応). The same table is "
    "printed with the self-inspection report.": (
        "事業所の二つの規程の条項ごとに、本プログラムが行うことと、その画面を示します。"
        "プログラムでは扱えない条項は「運用で対応」としています。同じ表を自己点検報告書にも印刷します。"
    ),
    "Regulation": "規程",
    "Article": "条項",
    "Subject": "見出し",
    "What is done": "本プログラムの対応",
    "Where": "画面",
}
JA.update(
    {
        # The dashboard's incident card
        "Leak incidents: reports to the PPC": "漏えい等事案（個人情報保護委員会への報告）",
        "Open the incidents": "漏えい等事案を開く",
        "%1 open": "%1件",
        "No report to the PPC is owed; follow the incidents up.": (
            "個人情報保護委員会への報告は不要です。事案への対応を続けてください。"
        ),
        "final report": "確報",
        "preliminary report": "速報",
        "The %1 of “%2” was due on %3.": "「%2」の%1の期限（%3）を過ぎています。",
        "The %1 of “%2” is due by %3.": "「%2」の%1の期限は%3です。",
        " %1 more reports are owed.": "ほかに%1件の報告が残っています。",
        " The final report is due by %1.": "確報の期限は%1です。",
    }
)
JA.update(
    {
        # The dashboard's card of overdue records
        "Training and account review": "研修・アカウントの棚卸し",
        "Open inspection and training": "点検・研修を開く",
        "Next training: due on %1": "次回の研修：期限 %1",
        "Next account review: due on %1": "次回のアカウントの棚卸し：期限 %1",
        "%1 late": "%1件",
    }
)
