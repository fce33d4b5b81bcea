"""Japanese for the strings the access-log page (記録) added (helper: auditlog)."""

JA = {
    "Name, kana, code or department": "氏名・フリガナ・従業員コード・部署",
    "All kinds": "すべての種類",
    "Clear conditions": "条件をクリア",
    "Person": "対象者",
    "Period": "期間",
    "Kind of action": "操作の種類",
    "Action": "操作",
    "CSV for Excel, UTF-8 (*.csv)": "CSV（Excel用、UTF-8） (*.csv)",
    "CSV for older Excel, Shift_JIS (*.csv)": "CSV（古いExcel用、Shift_JIS） (*.csv)",
    "access-log": "アクセス記録",
    "Concerning": "対象",
    "Choose an entry to see it in full here.": "記録を選ぶと、ここに詳しい内容が表示されます。",
    "Entry no.": "通し番号",
    "Date and time": "日時",
    "Who": "操作者",
    "What": "操作",
    "Kind of person or record": "対象の区分",
}
