"""Japanese for the strings added by the yearend branch (#16 items 3 and 10: the payroll import
and the typed year-end amounts)."""

JA = {
    # The withholding-slip dialog and its amounts and facts.
    "The amounts of 2026 (Reiwa 8) from the year-end adjustment, in yen: imported "
    "from payroll data or typed here. Save keeps them; the copy for the employee "
    "carries no My Number.": (
        "令和8年分の年末調整の結果の金額（円）です。給与データから取り込むか、ここで入力します。"
        "「保存」で記録されます。受給者交付用には個人番号は記載されません。"
    ),
    "Save": "保存",
    "Copy to print": "出力する帳票",
    "Nothing is saved for this year yet.": "この年分の金額はまだ保存されていません。",
    "Showing the amounts imported from payroll data (%1).": (
        "給与データ（%1）から取り込んだ金額を表示しています。"
    ),
    "Showing the amounts saved before.": "保存済みの金額を表示しています。",
    "Nothing changed: the saved amounts are the same.": (
        "変更はありません（保存済みの内容と同じです）。"
    ),
    "Saved (%1 items changed). The change is kept in the access log.": (
        "保存しました（%1項目を変更）。変更はアクセス記録に残ります。"
    ),
    "Payments": "支払金額",
    "Income after employment income deduction": "給与所得控除後の金額",
    "Total income deductions": "所得控除の額の合計額",
    "Tax withheld": "源泉徴収税額",
    "Social insurance premiums": "社会保険料等の金額",
    "Spouse (special) deduction": "配偶者（特別）控除の額",
    "Specified relative special deduction": "特定親族特別控除の額",
    "Life insurance deduction": "生命保険料の控除額",
    "Earthquake insurance deduction": "地震保険料の控除額",
    "Housing loan credit": "住宅借入金等特別控除の額",
    "Basic deduction": "基礎控除の額",
    "Income adjustment deduction": "所得金額調整控除額",
    "yen": "円",
    "Amounts (yen)": "金額（円）",
    "Company officer during the year": "役員（年の途中で役員だった場合を含む）",
    "(adjusted at year end)": "（年末調整済み）",
    "Left during the year": "年の中途で退職",
    "Tax deferred for a disaster": "災害により源泉徴収の猶予",
    "Main salary over 20 million yen": "主たる給与が2,000万円超",
    "No dependants declaration (column B)": "扶養控除等申告書の提出なし（乙欄）",
    "Left on": "退職日",
    "Year-end adjustment not done": "年末調整をしなかった理由",
    "Facts of the year": "この年の事実",
}
