"""The estimated layout of the 令和8年分 法定調書合計表 (A4 portrait), written by
packaging/estimated_forms.py: the payer block and the four sections a small office files
(375, 316, 309, 313), each with 総額 and 提出するもの rows × 人員・支払金額・源泉徴収税額・提出枚数."""

from __future__ import annotations

from estimated_forms import TAX, Form  # a sibling: run as a script

# Row names Ⓐ/Ⓑ (printed Ａ/Ｂ: the circled letters are not in the embedded fonts) of the 375 and 316 sections as in the NTA 手引 (第8 法定調書合計表の書き方) and a tax
# firm's worked 316 example; those of 309/313 follow them (the real sections list rows by 区分).
SUMMARY_SECTIONS = (
    ("salary", "1　給与所得の源泉徴収票合計表（375）", "Ａ 俸給、給与、賞与等の総額",
     "Ｂ 源泉徴収票を提出するもの", True),
    ("retirement", "2　退職所得の源泉徴収票合計表（316）", "Ａ 退職手当等の総額",
     "Ｂ Ａのうち源泉徴収票を提出するもの", True),
    ("fees", "3　報酬、料金、契約金及び賞金の支払調書合計表（309）", "Ａ 報酬、料金、契約金及び賞金の総額",
     "Ｂ Ａのうち支払調書を提出するもの", True),
    ("rent", "4　不動産の使用料等の支払調書合計表（313）", "Ａ 不動産の使用料等の総額",
     "Ｂ Ａのうち支払調書を提出するもの", False),
)  # fmt: skip


def summary() -> Form:
    f = Form("gokeihyo", 210.0, 297.0,
             "ESTIMATED (no geometry source; FORMS-GEOMETRY.md §3.3): the four sections a small "
             "office files, in the official order; A4 portrait. Measure from the NTA PDF.", 7.5)  # fmt: skip
    f.title(10.0, 10.0, 190.0, 8.0, 62.0, 11.0)
    struck: list[tuple] = []
    # 提出者
    f.rect(10.0, 22.0, 190.0, 40.0)
    f.label("提出者", 10.0, 22.0, 8.0, 40.0, "vertical")
    f.v(18.0, 22.0, 62.0)
    f.v(48.0, 22.0, 62.0)
    f.v(110.0, 22.0, 62.0)
    f.v(130.0, 22.0, 62.0)
    rows = (("住所(居所)又は所在地", 22.0, 8.0), ("個人番号又は法人番号\n（右詰で記載）", 30.0, 8.0),
            ("フリガナ", 38.0, 6.0), ("氏名又は名称", 44.0, 8.0), ("代表者氏名", 52.0, 10.0))  # fmt: skip
    for text, y, h in rows:
        f.label(text, 18.0, y, 30.0, h, "wrap")
        if y > 22.0:
            f.h(y, 18.0, 110.0)
    f.text("payer_address", "提出者 住所(居所)又は所在地", 48.0, 22.0, 62.0, 8.0, 8.0, wrap=True)
    f.number("payer_number", "提出者 法人番号 (13 cells)", 48.0, 30.0, 62.0, 8.0, 13, (TAX,))
    f.text("payer_kana", "提出者 フリガナ", 48.0, 38.0, 62.0, 6.0, 7.0)
    f.text("payer_name", "提出者 氏名又は名称", 48.0, 44.0, 62.0, 8.0, 10.0)
    f.text("representative", "代表者氏名", 48.0, 52.0, 62.0, 10.0, 10.0)
    for text, y, h in (("整理番号", 22.0, 8.0), ("電話", 30.0, 8.0), ("提出媒体", 38.0, 14.0),
                       ("作成担当者", 52.0, 10.0)):  # fmt: skip
        f.label(text, 110.0, y, 20.0, h)
        if y > 22.0:
            f.h(y, 110.0, 200.0)
    f.text("payer_phone", "電話", 130.0, 30.0, 70.0, 8.0, 9.0)
    f.text("clerk", "作成担当者", 130.0, 52.0, 70.0, 10.0, 9.0)
    # The four sections
    y = 68.0
    for key, heading, total, submitted, with_tax in SUMMARY_SECTIONS:
        f.label(heading, 10.0, y, 190.0, 6.0, "top-left", pt=10.0)
        top = y + 6.0
        f.rect(10.0, top, 190.0, 22.0)
        f.h(top + 6.0, 10.0, 200.0)
        f.h(top + 14.0, 10.0, 200.0)
        for x in (70.0, 95.0, 145.0, 185.0):
            f.v(x, top, top + 22.0)
        for text, x, w in (("区分", 10.0, 60.0), ("人員", 70.0, 25.0), ("支払金額", 95.0, 50.0),
                           ("源泉徴収税額", 145.0, 40.0), ("提出枚数", 185.0, 15.0)):  # fmt: skip
            f.label(text, x, top, w, 6.0)
        if key == "salary":
            # 「左のうち、源泉徴収税額のない者」: a count inside the 人員 cell of Ａ (NTA 手引 第8).
            f.v(82.0, top + 6.0, top + 14.0, style="dash")
            f.label("左のうち源泉徴収税額のない者", 82.0, top + 6.0, 13.0, 3.0, "wrap", pt=4.5)
            f.box("salary_total_no_tax", "Ａのうち源泉徴収税額のない者", 82.0, top + 9.0, 13.0, 5.0,
                  "count", unit="人", pt=8.0)  # fmt: skip
        for row, text, ry in (("total", total, top + 6.0), ("submitted", submitted, top + 14.0)):
            f.label(text, 10.0, ry, 60.0, 8.0, "wrap")
            people_w = 12.0 if key == "salary" and row == "total" else 25.0
            f.box(f"{key}_{row}_people", f"{heading} {text}: 人員", 70.0, ry, people_w, 8.0,
                  "count", unit="人", pt=10.0)  # fmt: skip
            f.amount(f"{key}_{row}_payment", f"{heading} {text}: 支払金額", 95.0, ry, 50.0, 8.0,
                     12.0, ry + 8.0, pt=10.0)  # fmt: skip
            if with_tax:
                f.amount(f"{key}_{row}_tax", f"{heading} {text}: 源泉徴収税額", 145.0, ry, 40.0,
                         8.0, 10.0, ry + 8.0, pt=10.0)  # fmt: skip
            else:
                struck.append((145.0, ry, 185.0, ry + 8.0))
            if row == "submitted":
                f.box(f"{key}_{row}_slips", f"{heading} {text}: 提出枚数", 185.0, ry, 15.0, 8.0,
                      "count", unit="枚", pt=10.0)  # fmt: skip
            else:
                struck.append((185.0, ry, 200.0, ry + 8.0))
        y = top + 22.0 + 6.0
    f.rect(10.0, y, 190.0, 24.0)
    f.label("（摘要）", 10.0, y, 30.0, 6.0, "top-left")
    f.text("remarks", "(摘要)", 10.0, y, 190.0, 24.0, 9.0, wrap=True, indent=14.0)
    f.copy(TAX, "給与所得の源泉徴収票等の法定調書合計表", "", struck)
    return f
