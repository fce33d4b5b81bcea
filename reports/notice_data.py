"""What a decision notice to a requester says (reports/request_notices.py draws it): the
letter's items, the corrections made, and the attachment of what is held."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

ATTACHMENT_TITLE = "別紙　保有個人データの内容"

# Said of a dependant's number, which the person is not entitled to see.
MASKED_NUMBER = "保有しています（ご本人以外の方の番号のため、記載していません）"

# Where the 別紙 comes from: this program holds the My Number files, not every record of the
# office, so the notice says so rather than claiming to list everything.
HELD_SCOPE = "当事業所が個人番号関係事務で保有しているご本人の個人データ"


@dataclass(frozen=True)
class HeldItem:
    label: str  # e.g. 「氏名」「利用目的」「削除できる日」
    value: str


@dataclass(frozen=True)
class HeldSection:
    """One part of the attachment: 本人に関する情報, 個人番号の利用目的, 扶養親族, 本人確認の記録,
    削除の予定 (dates with their legal basis), …"""

    title: str
    items: tuple[HeldItem, ...]


@dataclass(frozen=True)
class Change:
    """A correction made (訂正等決定通知書): what, before, after."""

    item: str
    before: str
    after: str


@dataclass(frozen=True)
class NoticeData:
    office_name: str
    printed_on: datetime.date
    notice_no: str  # e.g. 「開示第2026-3号」
    title: str  # the notice's title (RequestKind.notice_title for its decision)
    pdf_title: (
        str  # neutral document title for the PDF metadata (no names), e.g. 「開示決定通知書」
    )
    addressee: str  # the requester (the person, or the agent)
    agent_of: str  # when the requester is an agent: the person they act for; else ""
    received_on: datetime.date
    request_summary: str  # what was requested, in the requester's terms
    decision: (
        str  # e.g. 「全部開示」「一部開示」「不開示」「保有個人データ不存在」「訂正を行いました」
    )
    body: str  # the opening paragraph
    grounds: tuple[str, ...] = ()  # 第33条第2項各号 etc., for partial/refused decisions
    reason: str = ""  # 第36条: the reason explained
    withheld: str = ""  # 一部開示: what was not disclosed
    method: str = ""  # 開示の方法 (書面の交付 / 電磁的記録（PDF）の提供 …) and when sent
    fee: str = ""  # 手数料 (only 開示 and 利用目的通知), e.g. 「300円（郵便切手）」 or 「なし」
    changes: tuple[Change, ...] = ()
    attachment: tuple[HeldSection, ...] = ()  # 別紙: 保有個人データの内容 (開示 only)
    # The requester's own number, digits only, printed grouped 4-4-4 in the attachment; None
    # unless asked for.
    own_number: str | None = field(default=None, repr=False)
    contact: str = ""  # お問合せ先 (department, address, phone)
    complaint_contact: str = ""  # 苦情の申出先 (第40条)
    # The words of the 記 that depend on the kind and decision: a 利用目的の通知 is a 求め, a
    # non-existence is a result, not a decision.
    received_label: str = "請求を受け付けた日"
    request_label: str = "請求の内容"
    decision_label: str = "決定"
    attachment_title: str = ATTACHMENT_TITLE
    attachment_note: str = f"{HELD_SCOPE}の内容は、別紙のとおりです。"
    attachment_lead: str = f"{HELD_SCOPE}の内容は、次のとおりです。"  # after 「（日付）現在、」
    guidance: str = ""  # what the person may do if they disagree (after the contacts)
    # Who signs the letter under the office's name: title and name ("" when not known).
    sender_title: str = "特定個人情報管理責任者"
    sender_name: str = ""
