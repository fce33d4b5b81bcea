"""What the deletion papers print (the 削除・廃棄記録簿 of a period and one person's 削除証明書),
and the layout they share. They say what was deleted or destroyed, why, when and by whom;
never a number."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import TableStyle

from reports.document import markup
from reports.fonts import GOTHIC, MINCHO
from reports.wareki import seireki_date

LEDGER_TITLE = "特定個人情報の削除・廃棄記録簿"
LEDGER_PDF_TITLE = "削除・廃棄記録簿"
CERTIFICATE_TITLE = "個人番号削除証明書"
CERTIFICATE_PDF_TITLE = "削除証明書"

LEDGER_NO_NUMBER_NOTICE = "この記録簿には個人番号を記載していません。"
CERTIFICATE_NO_NUMBER_NOTICE = "この証明書には個人番号を記載していません。"
EMPTY_LEDGER_TEXT = "この期間の個人番号の削除の記録はありません。"


@dataclass(frozen=True)
class HeldBackup:
    """A backup made while the number was held: it holds the number until it is destroyed."""

    made: str  # 「2026年11月1日 09:00」
    file_name: str
    fate: str  # when it goes (「あと3回バックアップを作成すると消去…」) or went (「…消去済み」)
    gone: bool


@dataclass(frozen=True)
class DeletionLine:
    """One deletion record: a person's number removed from the file, with its approval."""

    record_no: int
    deleted_on: datetime.date
    person_name: str
    person_kind: str  # 従業員 / 扶養親族 / 支払先（個人）
    department: str  # the person's, "" when none
    file_name: str  # 特定個人情報ファイルの種類・名称
    # The documents that carried the number, each named once (「給与所得者の扶養控除等（異動）
    # 申告書」); the needs that kept it (在職, 扶養) are no documents and are not here.
    documents: tuple[str, ...]
    trigger: str  # 保存期間の経過… / 保存期間内の削除… / 本人からの請求
    basis: str  # 根拠: the provision, e.g. 「所得税法施行規則第76条の3（2024年1月10日まで保存）」
    method: str
    executed_by: str
    approved_by: str
    approved_on: datetime.date | None
    # Who proposed the deletion (the two-person rule: proposer, approver, executor are named
    # apart, so one person doing two of them shows), and when; "" / None when not known.
    proposed_by: str = ""
    proposed_on: datetime.date | None = None
    reason: str = ""  # why, for a deletion within the period or on request; "" for none
    backups: tuple[HeldBackup, ...] = ()
    backups_summary: str = ""  # the ledger's short form of `backups`, "" when there are none
    paper: tuple[str, ...] = ()  # the paper documents to shred, each named once
    paper_disposed_on: datetime.date | None = None  # None until confirmed shredded
    paper_disposed_by: str = ""
    # False while the number key is still to be replaced: a copy left in a temporary file or
    # the disk's free blocks could still be opened under the current key.
    key_replaced: bool = True

    @property
    def irrecoverable(self) -> bool:
        """Nothing the office keeps can bring the number back: the key is replaced and every
        backup made while it was held is destroyed."""
        return self.key_replaced and all(backup.gone for backup in self.backups)


@dataclass(frozen=True)
class DestroyedBackup:
    """A backup file destroyed in the period: it held every number stored when it was made."""

    destroyed_on: datetime.date
    made: str  # 「2026年11月1日 09:00」
    file_name: str
    folder: str
    method: str
    by: str  # "" when the access log does not say


@dataclass(frozen=True)
class DiscardedRequest:
    """A request file (開示等の請求) discarded in the period, past the years it is kept."""

    discarded_on: datetime.date
    kind: str  # 開示の請求…
    notice_no: str  # "" when it had none
    kept_until: datetime.date | None
    method: str
    by: str


@dataclass(frozen=True)
class LedgerData:
    """The 削除・廃棄記録簿 of one period, each list in the order it is to be printed."""

    office_name: str
    printed_on: datetime.date
    period_from: datetime.date
    period_to: datetime.date
    responsible: str  # 特定個人情報管理責任者
    lines: tuple[DeletionLine, ...]
    file_names: tuple[str, ...] = ()  # the files the records are from, each once
    handling_department: str = ""  # 取扱部署; "" leaves the box to be filled in by hand
    destroyed_backups: tuple[DestroyedBackup, ...] = ()
    discarded_requests: tuple[DiscardedRequest, ...] = ()


@dataclass(frozen=True)
class CertificateData:
    """The 削除証明書 handed to one person for one of their deletion records."""

    office_name: str
    printed_on: datetime.date
    responsible: str
    person_name: str
    line: DeletionLine


SHADE = colors.Color(0.93, 0.93, 0.93)
NOTE_GREY = colors.Color(0.3, 0.3, 0.3)
SEAL_GREY = colors.Color(0.55, 0.55, 0.55)
_TITLE_SPACING = 3


def paper_text(line: DeletionLine) -> str:
    """The paper to shred and whether it was: the names once, or 「上記の書類」 when they are
    the documents named just above."""
    names = "上記の書類" if line.paper == line.documents else "、".join(line.paper)
    if line.paper_disposed_on is None:
        return f"{markup(names)}：廃棄の確認待ち"
    by = f"（{markup(line.paper_disposed_by)}）" if line.paper_disposed_by else ""
    return f"{markup(names)}：{seireki_date(line.paper_disposed_on)} 廃棄済{by}"


def dated(name: str, day: datetime.date | None, act: str, *, short: bool) -> str:
    """A proposer or approver with the day they did it: 「鈴木 一郎（2026年11月20日 承認）」,
    or name and date on two lines in a narrow column headed 「（承認日）」."""
    if not name:
        return "—"
    if day is None:
        return markup(name)
    if short:
        return f"{markup(name)}<br/>{seireki_date(day)}"
    return f"{markup(name)}（{seireki_date(day)} {act}）"


def draw_spaced_title(canvas: Canvas, title: str, centre: float, y: float, size: float) -> None:
    # Form titles are set with a little letter spacing; the spacing follows every glyph, so the
    # last one's is left out when centring.
    text = canvas.beginText()
    text.setFont(GOTHIC, size)
    text.setCharSpace(_TITLE_SPACING)
    title_width = stringWidth(title, GOTHIC, size) + _TITLE_SPACING * (len(title) - 1)
    text.setTextOrigin(centre - title_width / 2, y)
    text.textOut(title)
    # Character spacing is page state in PDF: without save/restore it spreads later strings too.
    canvas.saveState()
    canvas.drawText(text)
    canvas.restoreState()


def grid(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *extra,
        ]
    )
