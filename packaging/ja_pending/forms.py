"""Japanese for the strings added by the forms branch (#16: the 源泉徴収票)."""

JA = {
    "Withholding slip…": "源泉徴収票…",
    "Withholding slip: %1": "源泉徴収票：%1",
    "Enter the amounts of 2026 (Reiwa 8) from the year-end adjustment, in yen. "
    "The copy for the employee carries no My Number.": (
        "令和8年分の年末調整の結果の金額を円単位で入力してください。"
        "受給者交付用には個人番号は記載されません。"
    ),
    "For the employee (no numbers)": "受給者交付用（個人番号なし）",
    "For the tax office": "税務署提出用",
    "Salary payment report for the municipality": "給与支払報告書（個人別明細書）",
    "Copy": "帳票の種類",
    "Payments": "支払金額",
    "Income after employment income deduction": "給与所得控除後の金額",
    "Total income deductions": "所得控除の額の合計額",
    "Tax withheld": "源泉徴収税額",
    "Social insurance premiums": "社会保険料等の金額",
    "Payer": "支払者の氏名又は名称",
    "Corporate number": "支払者の法人番号",
    "Preview…": "プレビュー…",
    "Paper": "用紙",
    "A4 landscape, two slips per sheet": "A4横に2枚（A5サイズ）",
    "A6, one slip per sheet (true size)": "A6に1枚（原寸）",
}
