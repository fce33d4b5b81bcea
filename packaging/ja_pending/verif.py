"""Japanese for the strings the identity-check work (issue 15, items 1–11) added."""

JA = {
    # The comparison page
    "One My Number Card gives both checks: there is no second document to compare it with. "
    "Check its photo against the face and its expiry; comparing the details with our record is "
    "optional.": (
        "個人番号カード1枚で番号確認と身元確認ができるため、ほかの書類と見比べる照合は要りません。"
        "顔写真と来た人の顔、有効期限を確かめてください。登録内容との照合は任意です。"
    ),
    "Same": "一致",
    "Differs": "相違",
    "Not compared": "照合しない",
    "What differs (e.g. old address)": "違いの内容（例：旧住所）",
    "The name and the birth date never differ for the same person. An address may (a move, an "
    "old address on a licence): with the name and the birth date the same, note what differs and "
    "the check can go on.": (
        "同じ人なら、氏名と生年月日は書類の間で違うことはありません。住所は転居や免許証の旧住所などで"
        "違うことがあります。氏名と生年月日が一致していれば、違いの内容を書いて確認を続けられます。"
    ),
    "Photo and face (in person)": "顔写真と顔の照合（対面）",
    "Same person": "一致",
    "Does not match": "一致しない",
    "Not checked": "未確認",
    "A photo that is not the person who came stops the whole check: no other document can make "
    "up for it. Do not take the number; tell the manager.": (
        "顔写真が来た人と一致しない場合は、本人確認全体を中止します。ほかの書類で補うことはできません。"
        "番号は受け取らず、事務取扱責任者に相談してください。"
    ),
    "The person's photo (%1) against the face of the person who came": (
        "本人の%1の顔写真と、来た本人の顔"
    ),
    "The person's photo (%1) against the person's face, if the person came too": (
        "本人の%1の顔写真と、本人の顔（本人も来ている場合）"
    ),
    "The agent's photo (%1) against the face of the agent who came": (
        "代理人の%1の顔写真と、来た代理人の顔"
    ),
    "Say for each detail you compared whether it is the same.": (
        "照合した項目ごとに、一致か相違かを選んでください。"
    ),
    "Write what differs: %1.": "%1の違いの内容を書いてください。",
    # The documents page
    "Changed before 2020-05-25, the change written on the back by the municipality, and the same "
    "as now": "2020年5月25日より前の変更が市区町村により裏面に記載され、今の住民票と同じ",
    "Changed since (or an earlier change not written on it by the municipality)": (
        "変更がある（2020年5月25日以降の変更、または市区町村の記載のない変更）"
    ),
    "The card was abolished on 2020-05-25 and counts only while its details match the resident "
    "record. A change made before that day counts if the municipality wrote it on the card; any "
    "change since makes it unusable.": (
        "通知カードは2020年5月25日に廃止され、記載事項が今の住民票と同じ場合に限り使えます。それより前の"
        "変更は、市区町村がカードに記載（裏書き）していれば使えます。それ以降に変更があったものは使えません。"
    ),
    "Why (kept in the record)": "理由（記録に残ります）",
    "Why could the usual document not be given? *": "通常の書類を出せなかった理由 *",
    # The employee's form (dependants)
    "The employee's form": "従業員の申告書・届出書",
    "On which of %1's forms did this number come?": (
        "この番号は、%1さんのどの申告書・届出書に書かれていましたか。"
    ),
    "The employee checked this person's identity, as the law asks of the one who files the form. "
    "The record keeps the employee, the form and its year.": (
        "この方の本人確認は、申告書・届出書を出す従業員がしています。記録には、その従業員と書類、"
        "何年分かを残します。"
    ),
    "Form": "書類",
    "For the year": "年分",
    # Result and summary
    "Why the check stops:": "本人確認を中止する理由：",
    "Collected for (purposes notified to the person)": "利用目的（本人に通知したもの）",
    "Collected for: %1": "利用目的：%1",
    "Choose at least one purpose.": "利用目的を1つ以上選んでください。",
    "Purposes": "利用目的",
    "Photo and face": "顔写真の照合",
    "Why not the usual document": "通常の書類を出せなかった理由",
    "%1 (employee)": "%1（従業員）",
    "On the form": "番号が書かれた書類",
    "— (one My Number Card: nothing to compare)": "—（個人番号カード1枚のため照合は不要）",
    "same person": "一致",
    "does not match": "一致しない",
    "the person": "本人",
    "the agent": "代理人",
    "not done yet": "未確認",
    "%1 does not count: %2": "%1は使えません：%2",
}
