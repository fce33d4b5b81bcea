"""Japanese for the strings added by the corpno branch (the office's 法人番号 on the settings
page, used as the payer's on every statutory form)."""

JA = {
    "Sender, contact and corporate number (printed on the notices and forms)": (
        "差出人・連絡先・法人番号（通知書・請求書・法定調書に印刷）"
    ),
    "Corporate number": "法人番号",
    "13 digits": "13桁の数字",
    "Printed as the payer's number on the statutory forms (withholding slips, payment records, "
    "summary table), never on the copies for recipients or payees. Leave it empty if the office "
    "has none (a sole proprietor).": (
        "源泉徴収票・支払調書・合計表の提出用に、支払者の法人番号として印刷します（本人・支払先に"
        "渡す控えには印刷しません）。法人番号のない事業所（個人事業者）は空欄のままにしてください。"
    ),
    "Save the sender, contact and number": "差出人・連絡先・法人番号を保存",
    "The sender, contact and corporate number are saved.": "差出人・連絡先・法人番号を保存しました。",
}
