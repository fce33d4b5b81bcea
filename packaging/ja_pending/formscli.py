"""Japanese for the strings added by the formscli branch (the slip dialogs' year)."""

JA = {
    # The year of a slip dialog (ui/widgets/slip_year.py): 2026年分（令和8年分）
    "%1 (%2)": "%1年分（%2分）",
    "Year": "年分",
    "The amounts of the year from the year-end adjustment, in yen: imported from payroll data "
    "or typed here. Save keeps them; the copy for the employee carries no My Number.": (
        "選んだ年分の年末調整の結果の金額（円）です。給与データから取り込むか、ここで入力します。"
        "「保存」で記録されます。受給者交付用には個人番号は記載されません。"
    ),
    "Enter the payments of the year, one record per category, in yen. The copy for the payee "
    "carries no My Number or corporate number.": (
        "選んだ年分の支払を、区分ごとに1枚ずつ円単位で入力してください。"
        "支払を受ける者に渡す写しには、個人番号も法人番号も記載されません。"
    ),
    "Enter the retirement allowance paid in the year, in yen. The copy for the recipient "
    "carries no My Number or corporate number.": (
        "選んだ年中に支払った退職手当等を円単位で入力してください。"
        "受給者交付用には、個人番号も法人番号も記載されません。"
    ),
}
