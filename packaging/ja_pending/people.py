"""Japanese for the strings the people branch added or moved (人員 page, person page, number
entry, identity check number page)."""

JA = {
    # The person page's family box (moved out of PersonPanel).
    "Dependents": "扶養親族",
    "Relation": "続柄",
    "Name": "氏名",
    "Kana": "フリガナ",
    "My Number": "個人番号",
    "Double-click a dependent to open their page.": "ダブルクリックでその扶養親族のページを開きます。",
    "Add dependent…": "扶養親族を追加…",
    "Dependents (%1)": "扶養親族（%1人）",
    "Outside your scope": "担当範囲外",
    # The number box (moved out of PersonPanel).
    "Deletion: not yet (%1)": "削除：まだできません（%1）",
    "May be deleted from %1 (%2)": "%1から削除できます（%2）",
    "Correct…": "訂正…",
    "Replace a wrongly entered number (the reason is kept in the record).": (
        "誤って登録した番号を正しい番号に置き換えます（理由は訂正の記録に残ります）。"
    ),
    "Register the My Number…": "個人番号を登録…",
    "Registers the number only; it then waits for an identity check. With the documents at hand, use 「Identity check…」 to register and verify at once.": (
        "番号だけを登録します（登録後は本人確認待ちになります）。書類が手元にあるときは"
        "「本人確認…」から、番号の登録と本人確認を一度に記録できます。"
    ),
    "Identity check…": "本人確認…",
    "Record the identity check (本人確認) of a number received; a new number is registered with it.": (
        "受け取った個人番号の本人確認を記録します。まだ番号がない人は、ここで番号も登録します。"
    ),
    "Identity check records…": "本人確認記録…",
    "Collected for: %1": "利用目的：%1",
    # The person page.
    "Correct the record (the reason is kept).": "記録を訂正します（理由は訂正の記録に残ります）。",
    "More": "その他",
    "Select a person in the list: their record and My Number appear here.": (
        "一覧から対象者を選ぶと、ここに記録と個人番号が表示されます。"
    ),
    "Purpose notice": "利用目的通知書",
    # The people list and the person page (the number's state, now said in one place).
    "Registered, identity check pending": "登録済み（本人確認待ち）",
    "Registered": "登録済み",
    "Not registered": "未登録",
    "Dependent of %1": "%1の扶養親族",
    "Deleted (%1, record No. %2)": "削除済み（%1・記録番号 No. %2）",
    # Registering a number again after its deletion, and the number carried into the check.
    "Why is a number registered again? (kept in the log)": "再び登録する理由（アクセス記録に残ります）",
    "This person's My Number was deleted: %1. Registering one again needs a reason, which is kept in the access log.": (
        "この対象者の個人番号は%1です。再び登録するには理由の入力が必要です（アクセス記録に残ります）。"
    ),
    "Reason for registering again *": "再登録の理由 *",
    "Enter why the number is registered again.": "再び登録する理由を入力してください。",
    "Register": "登録する",
    "Correct": "訂正する",
    "Register and check identity…": "登録して本人確認へ…",
    "Correct and check identity…": "訂正して本人確認へ…",
    "Saves the number, then opens the identity check with the number just typed filled in (hidden), so it is not typed a third time.": (
        "番号を保存してから本人確認を開きます。いま入力した番号は伏せたまま本人確認に引き継がれる"
        "ので、3回目の入力は要りません。"
    ),
    "The number you typed twice when registering it is filled in (hidden). It is compared with the number on file; change it only if the document shows another.": (
        "登録のときに2回入力した番号を、伏せたまま入れてあります。登録済みの番号と照合します。"
        "書類の番号が違うときだけ入力し直してください。"
    ),
}
