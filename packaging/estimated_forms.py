"""Writes the estimated layouts of the 令和8年分 支払調書 (309, 313), 退職所得の源泉徴収票・特別徴収票
(316) and 法定調書合計表 to resources/forms/<form>/2026.json.

No geometry of these forms was measured (FORMS-GEOMETRY.md §3): the layouts follow the official
item order at the estimated positions of FORMS-GEOMETRY.md §3.1/§3.2 (±5 mm). Once a form is
measured from its NTA PDF, its JSON is edited by hand (or written by a measuring script) and this
generator is no longer run for it; a year already printed is never regenerated.

    python packaging/estimated_forms.py
"""

from __future__ import annotations

import json
import pathlib
from typing import Any

FORMS_DIR = pathlib.Path(__file__).resolve().parents[1] / "resources" / "forms"
YEAR, ERA_YEAR = 2026, 8
TAX, MUNI, RECIP, PAYEE = "tax_office", "municipal", "recipient", "payee"
NUMBER_NOTE = "個人番号又は法人番号（右詰で記載してください。）"


class Form:
    def __init__(self, form: str, w: float, h: float, source: str, label_pt: float) -> None:
        self.label_pt = label_pt
        self.data: dict[str, Any] = {
            "form": form,
            "year": YEAR,
            "era_year": ERA_YEAR,
            "estimated": True,
            "source": source,
            "page": {"w": w, "h": h},
            "copies": {},
            "boxes": [],
            "labels": [],
            "rules": [],
        }

    def title(self, x: float, y: float, w: float, h: float, year_x: float, pt: float) -> None:
        self.data["title"] = {"era": "令和", "year_suffix": "年分", "x": x, "y": y, "w": w, "h": h}
        self.box("year", "令和□年分: year digits", year_x, y, 5.0, h, "text", pt=pt)

    def copy(self, name: str, title: str, copy_name: str, strikes: list[tuple]) -> None:
        self.data["copies"][name] = {
            "title": title,
            "copy_name": copy_name,
            "strikes": [{"x0": x0, "y0": y0, "x1": x1, "y1": y1} for x0, y0, x1, y1 in strikes],
        }

    def h(self, at: float, x0: float, x1: float, weight: str = "n", **extra: Any) -> None:
        self.data["rules"].append(
            {"dir": "H", "at": at, "from": x0, "to": x1, "weight": weight, **extra}
        )

    def v(self, at: float, y0: float, y1: float, weight: str = "n", **extra: Any) -> None:
        self.data["rules"].append(
            {"dir": "V", "at": at, "from": y0, "to": y1, "weight": weight, **extra}
        )

    def rect(self, x: float, y: float, w: float, h: float, weight: str = "n", **extra: Any) -> None:
        self.h(y, x, x + w, weight, **extra)
        self.h(y + h, x, x + w, weight, **extra)
        self.v(x, y, y + h, weight, **extra)
        self.v(x + w, y, y + h, weight, **extra)

    def label(self, text: str, x: float, y: float, w: float, h: float, place: str = "center",
              copies: tuple[str, ...] = (), pt: float = 0.0) -> None:  # fmt: skip
        entry: dict[str, Any] = {"text": text, "x": x, "y": y, "w": w, "h": h, "place": place,
                                 "pt": pt or self.label_pt}  # fmt: skip
        if copies:
            entry["copies"] = list(copies)
        self.data["labels"].append(entry)

    def box(self, box_id: str, item: str, x: float, y: float, w: float, h: float, kind: str,
            **extra: Any) -> None:  # fmt: skip
        entry = {"id": box_id, "item": item, "x": x, "y": y, "w": w, "h": h, "kind": kind}
        entry.update(extra)
        self.data["boxes"].append(entry)

    def text(self, box_id: str, item: str, x: float, y: float, w: float, h: float,
             pt: float = 8.0, wrap: bool = False, indent: float = 0.0) -> None:  # fmt: skip
        extra: dict[str, Any] = {"pt": pt, "overflow": "wrap" if wrap else "shrink"}
        if indent:
            extra["indent"] = indent
        self.box(box_id, item, x, y, w, h, "text", **extra)

    def number(self, box_id: str, item: str, x: float, y: float, w: float, h: float,
               cells: int, copies: tuple[str, ...]) -> None:  # fmt: skip
        edges = [round(x + w * i / cells, 2) for i in range(cells + 1)]
        self.box(box_id, item, x, y, w, h, "number", cells=cells, edges=edges, pt=8.0,
                 copies=list(copies), holds_number=True)  # fmt: skip

    def amount(self, box_id: str, item: str, x: float, y: float, w: float, h: float,
               group: float, rule_to: float, inner: bool = False, pt: float = 8.0,
               units: tuple[str, ...] = ("千", "円")) -> None:  # fmt: skip
        """An amount box with 千・円 groups `group` mm wide; the hairlines run down to rule_to."""
        right = round(x + w, 2)
        ticks = [round(right - 2 * group, 2), round(right - group, 2), right]
        if len(units) == 1:
            ticks = [right]
        for tick in ticks[:-1]:
            self.v(tick, y, rule_to, "h")
        extra: dict[str, Any] = {"ticks": ticks, "units": list(units), "pt": pt}
        if inner:
            extra["inner"] = True
        self.box(box_id, item, x, y, w, h, "amount", **extra)

    def write(self) -> pathlib.Path:
        path = FORMS_DIR / self.data["form"] / f"{YEAR}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        return path


def party(f: Form, who: str, prefix: str, y: float, row1: float, row2: float,
          copies: tuple[str, ...], phone: bool, number_row: int = 2,
          name_w: float = 65.0) -> None:  # fmt: skip
    """支払を受ける者 / 支払者 / あっせんをした者 block on a landscape slip: 住所 over 氏名又は名称,
    and the 13-cell 個人番号又は法人番号 at the right of one of the two rows."""
    bottom = y + row1 + row2
    f.label(who, 4.0, y, 6.0, row1 + row2, "vertical")
    f.v(10.0, y, bottom)
    f.v(27.0, y, bottom)
    f.h(y + row1, 10.0, 144.0)
    ny, nh = (y, row1) if number_row == 1 else (y + row1, row2)
    address_w = 65.0 if number_row == 1 else 117.0
    f.label("住所(居所)又は所在地", 10.0, y, 17.0, row1, "wrap")
    f.text(
        f"{prefix}address", f"{who} 住所(居所)又は所在地", 27.0, y, address_w, row1, 8.0, wrap=True
    )
    f.label("氏名又は名称", 10.0, y + row1, 17.0, row2, "wrap")
    f.text(f"{prefix}name", f"{who} 氏名又は名称", 27.0, y + row1, name_w, row2, 9.0)
    if phone:
        f.v(70.0, y + row1, bottom)
        f.label("（電話）", 70.0, y + row1, 22.0, row2, "top-left")
        f.text(f"{prefix}phone", f"{who} (電話)", 70.0, y + row1, 22.0, row2, 7.0, indent=5.0)
    f.v(92.0, ny, ny + nh)
    cells_top = ny + 3.5
    f.label(NUMBER_NOTE, 92.0, ny, 52.0, 3.5, "center", copies=copies)
    f.h(cells_top, 92.0, 144.0, copies=list(copies))
    f.number(f"{prefix}number", f"{who} 個人番号又は法人番号 (13 cells; 個人番号 right-aligned)",
             92.0, cells_top, 52.0, ny + nh - cells_top, 13, copies)  # fmt: skip


def filing_strip(f: Form, y: float, copies: tuple[str, ...]) -> None:
    """整理欄 ① ② under the frame, on the copies filed."""
    f.rect(4.0, y, 98.0, 5.0, copies=list(copies))
    f.v(18.0, y, y + 5.0, copies=list(copies))
    f.v(60.0, y, y + 5.0, copies=list(copies))
    f.label("整理欄", 4.0, y, 14.0, 5.0, "center", copies=copies)
    f.label("①", 18.0, y, 42.0, 5.0, "top-left", copies=copies)
    f.label("②", 60.0, y, 42.0, 5.0, "top-left", copies=copies)


def corner_marks(f: Form, code: str) -> None:
    # The 資料コード printed on the slip (「309」 in the NTA 309 form's text, [S-309]).
    f.label(code, 4.0, 2.5, 12.0, 5.0, "center", pt=8.0)
    f.label("写し（支払を受ける者用）", 108.0, 2.5, 36.0, 5.0, "center", copies=(PAYEE,), pt=7.0)


def fees() -> Form:
    f = Form("hoshu", 148.0, 105.0,
             "ESTIMATED (FORMS-GEOMETRY.md §3.1, ±5 mm): item order of the NTA 309 form text; "
             "A6 landscape assumed. Measure from the NTA PDF before submission printing.", 4.6)  # fmt: skip
    f.title(4.0, 2.5, 104.0, 5.0, 30.0, 9.0)
    title = "報酬、料金、契約金及び賞金の支払調書"
    strikes = [(92.0, 19.0, 144.0, 29.0), (92.0, 78.0, 144.0, 89.0)]
    f.copy(TAX, title, "（税務署提出用）", [])
    f.copy(PAYEE, title, "（支払を受ける者用）", strikes)
    corner_marks(f, "309")
    f.rect(4.0, 9.0, 140.0, 80.0)
    party(f, "支払を受ける者", "payee_", 9.0, 10.0, 10.0, (TAX,), phone=False)
    f.h(29.0, 4.0, 144.0)
    f.h(35.0, 4.0, 144.0)
    for x in (38.0, 74.0, 110.0):
        f.v(x, 29.0, 57.0)
    for text, x, w in (("区分", 4.0, 34.0), ("細目", 38.0, 36.0), ("支払金額", 74.0, 36.0),
                       ("源泉徴収税額", 110.0, 34.0)):  # fmt: skip
        f.label(text, x, 29.0, w, 6.0)
    f.text("category", "区分 (原稿料, 講演料, 税理士報酬 …)", 4.0, 35.0, 34.0, 7.0, 7.5)
    f.text("detail", "細目 (回数, 書名, 題名 …)", 38.0, 35.0, 36.0, 7.0, 7.5)
    f.amount("payment", "支払金額 (内 未払)", 74.0, 35.0, 36.0, 7.0, 9.0, 57.0, inner=True)
    f.amount("tax", "源泉徴収税額 (内 未徴収)", 110.0, 35.0, 34.0, 7.0, 9.0, 57.0, inner=True)
    f.h(57.0, 4.0, 144.0)
    f.label("（摘要）", 4.0, 57.0, 20.0, 10.0, "top-left")
    f.text("remarks", "(摘要)", 4.0, 57.0, 140.0, 10.0, 7.0, wrap=True, indent=9.0)
    f.h(67.0, 4.0, 144.0)
    party(f, "支払者", "payer_", 67.0, 11.0, 11.0, (TAX,), phone=True, name_w=43.0)
    filing_strip(f, 91.0, (TAX,))
    return f


def rent() -> Form:
    f = Form("fudosan", 148.0, 105.0,
             "ESTIMATED (no geometry source; FORMS-GEOMETRY.md §3.3): item order of FORMS.md §4; "
             "A6 landscape assumed. Measure from the NTA 313 PDF before submission printing.", 4.6)  # fmt: skip
    f.title(4.0, 2.5, 104.0, 5.0, 30.0, 9.0)
    title = "不動産の使用料等の支払調書"
    strikes = [(92.0, 18.0, 144.0, 27.0), (92.0, 56.0, 144.0, 64.0), (92.0, 81.0, 144.0, 90.0)]
    f.copy(TAX, title, "（税務署提出用）", [])
    f.copy(PAYEE, title, "（支払を受ける者用）", strikes)
    corner_marks(f, "313")
    f.rect(4.0, 9.0, 140.0, 81.0)
    party(f, "支払を受ける者", "payee_", 9.0, 9.0, 9.0, (TAX,), phone=False)
    f.h(27.0, 4.0, 144.0)
    f.h(32.0, 4.0, 144.0)
    columns = (("区分", 4.0, 18.0), ("物件の所在地", 22.0, 44.0), ("細目", 66.0, 16.0),
               ("計算の基礎", 82.0, 28.0), ("支払金額", 110.0, 34.0))  # fmt: skip
    for text, x, w in columns:
        f.label(text, x, 27.0, w, 5.0)
        if x > 4.0:
            f.v(x, 27.0, 48.0)
    f.text("category", "区分 (地代, 家賃, 権利金, 更新料 …)", 4.0, 32.0, 18.0, 7.0, 7.5)
    f.text("property", "物件の所在地", 22.0, 32.0, 44.0, 16.0, 7.5, wrap=True)
    f.text("detail", "細目 (宅地, 事務所 …)", 66.0, 32.0, 16.0, 7.0, 7.5)
    f.text("basis", "計算の基礎 (月額×月数, 面積 …)", 82.0, 32.0, 28.0, 16.0, 7.0, wrap=True)
    f.amount("payment", "支払金額", 110.0, 32.0, 34.0, 7.0, 9.0, 48.0)
    f.h(48.0, 4.0, 144.0)
    f.label("（摘要）", 4.0, 48.0, 20.0, 8.0, "top-left")
    f.text("remarks", "(摘要)", 4.0, 48.0, 140.0, 8.0, 7.0, wrap=True, indent=9.0)
    f.h(56.0, 4.0, 144.0)
    # あっせんをした者: the number right of 住所; あっせん手数料 and 支払確定年月日 right of the name.
    party(f, "あっせんをした者", "broker_", 56.0, 8.0, 8.0, (TAX,), phone=False, number_row=1,
          name_w=33.0)  # fmt: skip
    f.v(60.0, 64.0, 72.0)
    f.label("あっせん手数料", 60.0, 64.0, 12.0, 8.0, "wrap")
    f.v(72.0, 64.0, 72.0)
    f.amount("broker_fee", "あっせん手数料", 72.0, 64.0, 28.0, 8.0, 8.0, 72.0, pt=8.0)
    f.v(100.0, 64.0, 72.0)
    f.label("支払確定年月日", 100.0, 64.0, 12.0, 8.0, "wrap")
    f.v(112.0, 64.0, 72.0)
    f.box("confirmed_on", "支払確定年月日 (和暦 年・月・日)", 112.0, 64.0, 32.0, 8.0, "date",
          ticks=[126.0, 135.0, 144.0], pt=7.5)  # fmt: skip
    f.v(126.0, 64.0, 72.0, "h")
    f.v(135.0, 64.0, 72.0, "h")
    f.h(72.0, 4.0, 144.0)
    party(f, "支払者", "payer_", 72.0, 9.0, 9.0, (TAX,), phone=True, name_w=43.0)
    filing_strip(f, 92.0, (TAX,))
    return f


def retirement() -> Form:
    f = Form("taishoku", 148.0, 105.0,
             "ESTIMATED (FORMS-GEOMETRY.md §3.2, ±5 mm): items of FORMS.md §5; A6 landscape assumed; "
             "the 令和8年分 「番号」 box position is unknown. Measure from the NTA F1-2 PDF.", 4.6)  # fmt: skip
    f.title(4.0, 2.5, 104.0, 5.0, 30.0, 9.0)
    title = "退職所得の源泉徴収票・特別徴収票"
    recipient_strikes = [(10.0, 9.0, 66.0, 15.0), (10.0, 83.0, 67.0, 88.0)]
    f.copy(TAX, title, "（税務署提出用）", [])
    f.copy(MUNI, title, "（市区町村提出用）", [])
    f.copy(RECIP, title, "（受給者交付用）", recipient_strikes)
    f.box("copy_name", "copy name (vertical, left margin)", 0.6, 60.0, 3.2, 38.0, "copy_name")
    f.rect(4.0, 9.0, 140.0, 89.0)
    # 支払を受ける者
    f.label("支払を受ける者", 4.0, 9.0, 6.0, 29.0, "vertical")
    f.v(10.0, 9.0, 38.0)
    f.v(27.0, 9.0, 38.0)
    for y in (15.0, 23.0, 31.0):
        f.h(y, 10.0, 144.0)
    f.label("個人番号", 10.0, 9.0, 17.0, 6.0, copies=(TAX, MUNI))
    f.number("number", "支払を受ける者 個人番号 (12 cells)", 27.0, 9.0, 39.0, 6.0, 12, (TAX, MUNI))
    f.v(66.0, 9.0, 15.0)
    f.label("役職名", 66.0, 9.0, 12.0, 6.0)
    f.v(78.0, 9.0, 15.0)
    f.text("position", "役職名", 78.0, 9.0, 42.0, 6.0, 7.5)
    f.v(120.0, 9.0, 15.0)
    f.label("番号", 120.0, 9.0, 12.0, 6.0)
    f.v(132.0, 9.0, 15.0)
    f.box("special_code", "番号 (令和8年分: 1–7 for special lump sums; blank otherwise) [position est.]",
          132.0, 9.0, 12.0, 6.0, "digits", pt=9.0)  # fmt: skip
    f.label("住所又は居所", 10.0, 15.0, 17.0, 8.0, "wrap")
    f.text("address", "住所又は居所", 27.0, 15.0, 117.0, 8.0, 8.0, wrap=True)
    f.label(f"令和{ERA_YEAR}年1月1日の住所", 10.0, 23.0, 17.0, 8.0, "wrap")
    f.text("address_jan1", "令和□年1月1日の住所", 27.0, 23.0, 117.0, 8.0, 8.0, wrap=True)
    f.label("氏名", 10.0, 31.0, 17.0, 7.0)
    f.text("name", "氏名", 27.0, 31.0, 117.0, 7.0, 9.0)
    # 区分 × 支払金額・源泉徴収税額・特別徴収税額 (市町村民税・道府県民税)
    f.h(38.0, 4.0, 144.0)
    f.h(42.0, 112.0, 144.0)
    f.h(46.0, 4.0, 144.0)
    for x in (62.0, 88.0, 112.0):
        f.v(x, 38.0, 67.0)
    f.v(128.0, 42.0, 67.0)
    for text, x, y, w, h in (("区分", 4.0, 38.0, 58.0, 8.0), ("支払金額", 62.0, 38.0, 26.0, 8.0),
                             ("源泉徴収税額", 88.0, 38.0, 24.0, 8.0),
                             ("特別徴収税額", 112.0, 38.0, 32.0, 4.0),
                             ("市町村民税", 112.0, 42.0, 16.0, 4.0),
                             ("道府県民税", 128.0, 42.0, 16.0, 4.0)):  # fmt: skip
        f.label(text, x, y, w, h)
    rows = (
        ("general", "所得税法第201条第1項第1号並びに地方税法第50条の6第1項第1号及び第328条の6第1項第1号適用分"),
        ("officer_short", "所得税法第201条第1項第2号並びに地方税法第50条の6第1項第2号及び第328条の6第1項第2号適用分"),
        ("no_declaration", "所得税法第201条第3項並びに地方税法第50条の6第2項及び第328条の6第2項適用分"),
    )  # fmt: skip
    for index, (key, text) in enumerate(rows):
        y = 46.0 + 7.0 * index
        f.label(text, 4.0, y, 58.0, 7.0, "wrap")
        if index:
            f.h(y, 4.0, 144.0)
        f.amount(f"{key}_payment", f"{text}: 支払金額", 62.0, y, 26.0, 7.0, 7.0, y + 7.0, pt=7.5)
        f.amount(f"{key}_tax", f"{text}: 源泉徴収税額", 88.0, y, 24.0, 7.0, 6.5, y + 7.0, pt=7.5)
        f.box(f"{key}_municipal_tax", f"{text}: 特別徴収税額 市町村民税", 112.0, y, 16.0, 7.0,
              "amount", ticks=[122.0, 128.0], units=["千", "円"], pt=6.5)  # fmt: skip
        f.box(f"{key}_prefectural_tax", f"{text}: 特別徴収税額 道府県民税", 128.0, y, 16.0, 7.0,
              "amount", ticks=[138.0, 144.0], units=["千", "円"], pt=6.5)  # fmt: skip
        f.v(122.0, y, y + 7.0, "h")
        f.v(138.0, y, y + 7.0, "h")
    # 退職所得控除額 ・ 勤続年数 ・ 就職年月日 ・ 退職年月日
    f.h(67.0, 4.0, 144.0)
    f.h(70.5, 4.0, 144.0)
    f.h(76.0, 4.0, 144.0)
    for x in (40.0, 62.0, 103.0):
        f.v(x, 67.0, 76.0)
    for text, x, w in (("退職所得控除額", 4.0, 36.0), ("勤続年数", 40.0, 22.0),
                       ("就職年月日", 62.0, 41.0), ("退職年月日", 103.0, 41.0)):  # fmt: skip
        f.label(text, x, 67.0, w, 3.5)
    f.box("retirement_deduction", "退職所得控除額 (万円)", 4.0, 70.5, 36.0, 5.5, "amount",
          ticks=[40.0], units=["万円"], pt=8.0)  # fmt: skip
    f.box("years_of_service", "勤続年数", 40.0, 70.5, 22.0, 5.5, "count", unit="年", pt=8.0)
    f.box("hired_on", "就職年月日 (元号 年・月・日)", 62.0, 70.5, 41.0, 5.5, "date",
          ticks=[83.0, 93.0, 103.0], pt=7.5)  # fmt: skip
    f.box("left_on", "退職年月日 (元号 年・月・日)", 103.0, 70.5, 41.0, 5.5, "date",
          ticks=[124.0, 134.0, 144.0], pt=7.5)  # fmt: skip
    for x in (83.0, 93.0, 124.0, 134.0):
        f.v(x, 70.5, 76.0, "h")
    f.label("（摘要）", 4.0, 76.0, 20.0, 7.0, "top-left")
    f.text("remarks", "(摘要)", 4.0, 76.0, 140.0, 7.0, 7.0, wrap=True, indent=9.0)
    f.h(83.0, 4.0, 144.0)
    # 支払者
    f.label("支払者", 4.0, 83.0, 6.0, 15.0, "vertical")
    f.v(10.0, 83.0, 98.0)
    f.v(27.0, 83.0, 98.0)
    f.h(88.0, 10.0, 144.0)
    f.h(93.0, 10.0, 144.0)
    f.label("個人番号又は法人番号", 10.0, 83.0, 17.0, 5.0, "wrap", copies=(TAX, MUNI))
    f.number("payer_number", "支払者 個人番号又は法人番号 (13 cells)", 27.0, 83.0, 40.0, 5.0, 13,
             (TAX, MUNI))  # fmt: skip
    f.label("住所(居所)又は所在地", 10.0, 88.0, 17.0, 5.0, "wrap")
    f.text("payer_address", "支払者 住所(居所)又は所在地", 27.0, 88.0, 117.0, 5.0, 7.5)
    f.label("氏名又は名称", 10.0, 93.0, 17.0, 5.0, "wrap")
    f.text("payer_name", "支払者 氏名又は名称", 27.0, 93.0, 83.0, 5.0, 8.0)
    f.label("（電話）", 110.0, 93.0, 34.0, 5.0, "top-left")
    f.v(110.0, 93.0, 98.0)
    f.text("payer_phone", "支払者 (電話)", 110.0, 93.0, 34.0, 5.0, 7.0, indent=6.0)
    filing_strip(f, 99.5, (TAX, MUNI))
    return f


def main() -> None:
    from estimated_summary import summary  # a sibling: run as a script

    for form in (fees(), rent(), retirement(), summary()):
        print(form.write())


if __name__ == "__main__":
    main()
