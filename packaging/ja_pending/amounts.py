"""Japanese for the strings of the amounts branch (yen fields grouped by thousands)."""

JA = {
    "“%1” takes at most %2 digits.": "「%1」は%2桁までの金額で入力してください。",
    "Enter “%1” in whole yen, as a number of 0 or more.": "「%1」には0以上の整数を円単位で入力してください。",
    "%1: %2": "%1の%2",
    "Retirement income deduction": "退職所得控除額",
}
