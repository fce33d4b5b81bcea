"""Japanese for the strings of the year-end page and the statutory forms' submission range
(#16 items 4 and 10)."""

JA = {
    "Year-end and statutory forms": "年末調整・法定調書",
    "Year-end adjustment and statutory forms": "年末調整・法定調書",
    "%1 forms": "%1年分",
    "Code": "コード",
    "Name": "氏名",
    "Forms": "帳票",
    "Tax office": "税務署",
    "Municipality": "市区町村",
    "Reason": "理由",
    "Entry": "入力状況",
    "For the tax office": "税務署提出用",
    "Salary payment report for the municipality": "給与支払報告書（個人別明細書）",
    "For the employee (no numbers)": "受給者交付用（個人番号なし）",
    "Paper (print)": "紙（印刷）",
    "PDF (encrypted, password sent separately)": "PDF（暗号化、パスワードは別途連絡）",
    "Select those to submit": "提出が必要な人を選択",
    "Print the selected…": "選択した人を印刷…",
    "Copy to print": "帳票の種類",
    "Submitted to": "提出先・交付先",
    "Output as": "出力の方法",
    "Required": "提出が必要",
    "Not required": "提出は不要",
    "Optional": "提出は任意",
    "Entered": "入力済み",
    "Not entered": "未入力",
    "Not entered yet: cannot be decided": "未入力のため判定できません",
    "The %1 forms are due by %2. Slips to submit to the tax office: %3.": (
        "%1年分の提出期限は%2です。税務署に提出する枚数: %3枚"
    ),
    "%1 must be filed electronically (e-Tax, optical disc or certified cloud): %2 slips "
    "were due for %3, the threshold is %4.": (
        "%1はe-Tax・光ディスク等・認定クラウドでの提出が必要です（%3年分の提出枚数 %2枚、基準 %4枚以上）。"
    ),
    "%1: %2 slips this year. From the %3 forms they must be filed electronically (30 or more).": (
        "%1は今年分が%2枚です。%3年分からはe-Tax等での提出が必要になります（30枚以上）。"
    ),
    "Employees whose year-end content is not entered yet: %1.": (
        "年末調整の内容が未入力の従業員: %1人"
    ),
    "%1: %2 slips, %3 to the tax office": "%1 %2枚（税務署へ提出 %3枚）",
    ", %1 salary payment reports": "、給与支払報告書 %1枚",
    "For the summary table: %1": "合計表の集計: %1",
    "; ": "／",
    "No year-end content is entered for this year yet.": "この年分の年末調整の内容はまだ入力されていません。",
    "%1 selected": "%1人を選択",
    "Bulk output of My Numbers": "個人番号の一括出力",
    "Reason:": "出力する理由：",
    "%1 people": "%1人",
}
JA.update(
    {
        "Statutory forms to submit": "法定調書の提出",
        "Open the year-end page": "年末調整・法定調書を開く",
        "%1 forms due by %2": "%1年分の提出期限: %2",
        "Employees not entered yet: %1.": "未入力の従業員: %1人",
        "%1 must be filed electronically (%2 slips for %3; %4 or more).": (
            "%1はe-Tax等での提出が必要です（%3年分 %2枚、基準 %4枚以上）。"
        ),
        "%1: e-filing from the %3 forms (%2 this year)": (
            "%1: %3年分からe-Tax等での提出が必要（今年分 %2枚）"
        ),
        "%1 slips": "%1枚",
        "Slips to submit to the tax office: %1": "税務署への提出: %1枚",
    }
)
