"""Japanese for the strings added by the forms2 branch (#16: 支払調書, 退職所得の源泉徴収票, 合計表)."""

JA = {
    # Person panel
    "Retirement income slip…": "退職所得の源泉徴収票…",
    "Payment record…": "支払調書…",
    # Shared by the slip dialogs (context StatutoryOutput)
    "Payer": "支払者の氏名又は名称",
    "Payer's address": "支払者の住所（所在地）",
    "Payer's phone": "支払者の電話番号",
    "Corporate number": "支払者の法人番号",
    "Paper (print)": "紙（印刷）",
    "PDF (encrypted, password sent separately)": "PDF（暗号化、パスワードは別途連絡）",
    "Submitted to": "提出先・交付先",
    "Output as": "出力の方法",
    "Bulk output of My Numbers": "個人番号の一括出力",
    "Reason:": "出力する理由：",
    # 支払調書
    "Payment record: %1": "支払調書：%1",
    "Enter the payments of 2026 (Reiwa 8), one record per category, in yen. "
    "The copy for the payee carries no My Number or corporate number.": (
        "令和8年分の支払を、区分ごとに1枚ずつ円単位で入力してください。"
        "支払を受ける者に渡す写しには、個人番号も法人番号も記載されません。"
    ),
    "Record no.": "何枚目",
    "Category": "区分",
    "Payee's address": "支払を受ける者の住所（所在地）",
    "Location of the property": "物件の所在地",
    "Item details": "細目",
    "Basis of calculation": "計算の基礎",
    "Payments": "支払金額",
    "Of which unpaid": "うち未払の金額",
    "Tax withheld": "源泉徴収税額",
    "Of which not yet withheld": "うち未徴収の税額",
    "Broker's fee": "あっせん手数料",
    "Broker": "あっせんをした者の氏名又は名称",
    "Broker's address": "あっせんをした者の住所（所在地）",
    "Broker's corporate number": "あっせんをした者の法人番号",
    "Payment fixed on": "支払確定年月日",
    "Remarks": "摘要",
    "Copy for the payee (no numbers)": "支払を受ける者用の写し（番号なし）",
    "For the tax office": "税務署提出用",
    "Copy": "帳票の種類",
    "Save": "保存",
    "Preview…": "プレビュー…",
    "Saved.": "保存しました。",
    "Every saved record of this payee (one page each)": "この支払先の保存済みの全件（1件1枚）",
    # 退職所得の源泉徴収票・特別徴収票
    "Retirement income slip: %1": "退職所得の源泉徴収票：%1",
    "Enter the retirement allowance paid in 2026 (Reiwa 8), in yen. The copy for the "
    "recipient carries no My Number or corporate number.": (
        "令和8年中に支払った退職手当等を円単位で入力してください。"
        "受給者交付用には、個人番号も法人番号も記載されません。"
    ),
    "Income tax withheld": "源泉徴収税額",
    "Special levy (resident tax)": "特別徴収税額",
    "Municipal tax": "市町村民税",
    "Prefectural tax": "道府県民税",
    "Ordinary": "一般（第201条第1項第1号）",
    "Specified officer / short service": "特定役員・短期（第201条第1項第2号）",
    "No declaration submitted (20.42%)": "申告書の提出なし（20.42%）",
    "Retirement income deduction (yen)": "退職所得控除額（円）",
    "Joined on": "就職年月日",
    "Left on": "退職年月日",
    "Years of service": "勤続年数",
    "Recipient's address": "住所又は居所",
    "Address on 1 January of the year of payment": "支払を受けた年の1月1日の住所",
    "Position": "役職名",
    "(blank: ordinary retirement allowance)": "（空欄：通常の退職手当等）",
    "Payout code": "番号（退職手当等の種類）",
    "For the recipient (no numbers)": "受給者交付用（番号なし）",
    "Special levy slip for the municipality": "特別徴収票（市区町村提出用）",
    # 法定調書合計表
    "Summary table of statutory records (Reiwa %1)": "法定調書合計表（令和%1年分）",
    "The totals of the records saved for Reiwa %1, per form: everyone paid, "
    "and those whose record is submitted to the tax office.": (
        "令和%1年分として保存した内容の合計です。帳票ごとに、支払った人全員の合計と、"
        "税務署に提出するものの合計を示します。"
    ),
    "Form": "書類",
    "People": "人員",
    "Records submitted": "提出枚数",
    "Total": "総額",
    "Submitted": "提出するもの",
}
