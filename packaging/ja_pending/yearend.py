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
    "Copy to print": "帳票の種類",
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
    # The payroll import wizard and the People page's button.
    "Payroll data…": "給与データ…",
    "Import the year's amounts for the withholding slips from payroll software": (
        "源泉徴収票のための1年分の金額を、給与ソフトのデータから取り込みます"
    ),
    "Import payroll data (withholding slips)": "給与データの取込み（源泉徴収票）",
    "The year-end export of your payroll software (CSV in UTF-8 or Shift_JIS, or "
    "Excel .xlsx), one employee per row, with the employee code. A file with a "
    "My Number column is refused: the numbers come from this program only.": (
        "給与ソフトから出力した年末調整のデータ（UTF-8またはShift_JISのCSV、Excelの.xlsx）を、"
        "1行に1人・従業員コード付きで指定してください。個人番号の列があるファイルは取り込めません"
        "（個人番号はこのプログラムに登録されているものを使います）。"
    ),
    " (year)": "年分",
    "Amounts for the year": "取り込む年分",
    "Match the columns": "列の対応",
    "Which column of the file holds each item? Required items are marked with *. "
    "Items not in the file keep what is saved (typed or imported before). "
    "The choice is remembered for files of this layout.": (
        "各項目がファイルのどの列にあるかを選んでください。*は必須です。ファイルにない項目は、"
        "保存済みの内容（入力または前回の取込み）がそのまま残ります。"
        "選んだ対応は、同じ見出しのファイルのために記憶されます。"
    ),
    "(not in this file)": "（このファイルにはない）",
    "Reading…": "読み込んでいます…",
    "Check": "確認",
    "I have looked at the dependant counts that differ from the register and "
    "import them as they are (the slip names the registered dependants)": (
        "登録と異なる扶養親族の人数を確認したので、このまま取り込む"
        "（源泉徴収票には登録されている扶養親族が記載されます）"
    ),
    "Row": "行",
    "Problem": "問題",
    "Difference": "相違",
    "Code": "従業員コード",
    "Name": "氏名",
    "Result": "結果",
    "Items": "訂正する項目",
    "Import": "取り込む",
    "Checking every row…": "すべての行を確認しています…",
    "%1 problems in %2 rows. Nothing can be imported until every problem is "
    "corrected in the file (all rows or none).": (
        "%2行中、問題が%1件あります。すべての問題をファイルで直すまで、何も取り込めません"
        "（全件か0件）。"
    ),
    "%1 rows of %2 checked, no problems: %3 new, %4 corrected, %5 unchanged. "
    "Import saves them all in one step; a corrected amount is kept as a "
    "correction in the access log.": (
        "%2年分の%1行を確認しました。問題はありません（新規 %3人、訂正 %4人、変更なし %5人）。"
        "「取り込む」で全員分をまとめて保存します。訂正した金額は訂正としてアクセス記録に残ります。"
    ),
    "Problems (%1)": "問題（%1件）",
    "Dependant counts (%1)": "扶養親族の人数（%1件）",
    "New": "新規",
    "Corrected": "訂正",
    "Unchanged": "変更なし",
    "Employees (%1)": "従業員（%1人）",
    "Imported": "取込み完了",
    "Open an employee's withholding slip from the People page to see or correct "
    "the amounts and to print the slip.": (
        "金額の確認・訂正や源泉徴収票の出力は、対象者の画面で従業員の「源泉徴収票…」から行います。"
    ),
    "Imported the amounts of %1 for %2 employees: %3 new, %4 corrected, "
    "%5 unchanged. Each saved or corrected slip is kept in the access log.": (
        "%1年分の金額を%2人分取り込みました（新規 %3人、訂正 %4人、変更なし %5人）。"
        "登録・訂正した内容はアクセス記録に残ります。"
    ),
    "The dependant counts of %1 rows differ from the dependants registered. "
    "Look at them below; to import, tick the box.": (
        "%1行で、扶養親族の人数が登録されている扶養親族と違います。下の一覧で確認し、"
        "取り込む場合はチェックを入れてください。"
    ),
    "Every row is checked against the register before anything is saved.": (
        "保存する前に、すべての行を登録内容と照らし合わせて確認します。"
    ),
}
