JA = {
    "This person also does the My Number work (registers people and numbers)": "この方が個人番号の事務も行う（対象者と個人番号を登録する）",
    "Leave this ticked in an office where one person does the work: the account also gets the role 事務取扱担当者 with every task and every group of people. Untick it when other staff will do the work; you then add them under Staff.": "一人で事務を行う事業所では、チェックを入れたままにしてください。このアカウントに事務取扱担当者の役割と、すべての事務・すべての対象者の担当範囲が付きます。事務を別の職員が行う場合はチェックを外し、あとで「職員管理」で追加してください。",
    "%2 also does the My Number work and can register people and import a list at once. When other staff take over the work, add them under Staff and remove the role 事務取扱担当者 from this account.": "%2 さんは事務取扱担当者を兼ね、すぐに対象者の登録や一覧の取込みができます。事務を別の職員に任せるときは「職員管理」で追加し、このアカウントから事務取扱担当者の役割を外してください。",
    "Next: add the staff who handle My Numbers under Staff, with their tasks and groups of people.": "次に、「職員管理」で個人番号を取り扱う職員を、担当する事務と対象者とともに追加してください。",
    "The office data for %1 was created. %2 is the manager.": "%1 のデータを作成しました。管理責任者は %2 さんです。",
}
JA.update(
    {
        "Your roles changed": "役割が変わりました",
        "Your own roles were changed and apply from now on. The pages in the menu follow your roles after you sign in again. Sign in again now?": "ご自分の役割を変更しました。権限は今から新しい役割のとおりになります。左のメニューに表示されるページは、サインインし直すと新しい役割に合わせて変わります。今すぐサインインし直しますか？",
    }
)
JA.update({"Each change is recorded in the access log.": "変更はすべてアクセス記録に残ります。"})
JA.update({"e.g. 2026年4月1日": "例：2026年4月1日"})
