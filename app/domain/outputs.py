"""The outputs register's vocabulary (持出し・出力記録, 規程第35条): where a paper or file that
carries numbers goes, how it leaves, what became of it, and when a confirmation is overdue."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

# Where it goes. A closed list, so the register reads the same way every year.
DESTINATIONS = (
    "税務署",
    "市区町村",
    "年金事務所",
    "ハローワーク",
    "健康保険組合",
    "社会保険労務士",
    "税理士",
    "本人",
)


class Method(StrEnum):
    PAPER = "paper"
    PDF = "pdf"
    ETAX = "etax"

    @property
    def label(self) -> str:
        return {"paper": "紙", "pdf": "PDF（暗号化）", "etax": "e-Taxファイル"}[self.value]


class State(StrEnum):
    OUT = "out"
    SUBMITTED = "submitted"
    DELIVERED = "delivered"
    DESTROYED = "destroyed"
    RETURNED = "returned"
    # Rendered for the preview but closed without printing or saving: nothing left the desk.
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {
            "out": "確認待ち",
            "submitted": "提出済",
            "delivered": "交付済",
            "destroyed": "廃棄済",
            "returned": "返却",
            "withdrawn": "取消（出力せず）",
        }[self.value]


CONFIRMED = (State.SUBMITTED, State.DELIVERED, State.DESTROYED, State.RETURNED)

# What can become of a paper, by where it went: a person's own copy is handed over (交付), never
# submitted; an authority's copy is submitted (提出), never handed over; a consignee (社会保険
# 労務士・税理士) may pass it on to an authority or hand it to the person, so either.
_PERSON = (State.DELIVERED, State.RETURNED, State.DESTROYED)
_AUTHORITY = (State.SUBMITTED, State.RETURNED, State.DESTROYED)
_CONSIGNEE = (State.SUBMITTED, State.DELIVERED, State.RETURNED, State.DESTROYED)
_STATES_BY_DESTINATION = {
    "本人": _PERSON,
    "税務署": _AUTHORITY,
    "市区町村": _AUTHORITY,
    "年金事務所": _AUTHORITY,
    "ハローワーク": _AUTHORITY,
    "健康保険組合": _AUTHORITY,
    "社会保険労務士": _CONSIGNEE,
    "税理士": _CONSIGNEE,
}

# Form codes as registered: a statutory form with its copy, or a letter.
FORM_LABELS = {
    "gensen_choshu/tax_office": "給与所得の源泉徴収票（税務署提出用）",
    "gensen_choshu/municipal": "給与支払報告書（個人別明細書）",
    "taishoku/tax_office": "退職所得の源泉徴収票（税務署提出用）",
    "taishoku/municipal": "退職所得の特別徴収票（市区町村提出用）",
    "hoshu/tax_office": "報酬、料金、契約金及び賞金の支払調書（税務署提出用）",
    "fudosan/tax_office": "不動産の使用料等の支払調書（税務署提出用）",
    "disclosure_notice": "開示決定通知書（本人の個人番号）",
}


class InvalidOutput(ValueError):
    """A destination, method or state outside the lists; the message is Japanese."""


def destination(text: str) -> str:
    value = text.strip()
    if value not in DESTINATIONS:
        raise InvalidOutput("提出先・交付先を一覧から選んでください。")
    return value


def method(text: str) -> Method:
    try:
        return Method(text)
    except ValueError:
        raise InvalidOutput("出力の方法が正しくありません。") from None


def states_for(destination_text: str) -> tuple[State, ...]:
    """The confirmations that fit a destination, in the order the register offers them. A
    destination outside the list (none is stored so) is offered every confirmation."""
    return _STATES_BY_DESTINATION.get(destination_text, CONFIRMED)


def confirmed_state(text: str, destination_text: str | None = None) -> State:
    """The state a confirmation asks for; with `destination_text`, one that fits it."""
    try:
        state = State(text)
    except ValueError:
        state = State.OUT
    if state not in CONFIRMED:
        raise InvalidOutput("確認する状態は提出済・交付済・廃棄済・返却のいずれかです。")
    if destination_text is not None:
        fitting = states_for(destination_text)
        if state not in fitting:
            choices = "・".join(s.label for s in fitting)
            raise InvalidOutput(
                f"{destination_text}への出力は「{state.label}」にできません"
                f"（{choices}のいずれかです）。"
            )
    return state


def is_bulk(persons: int, threshold: int) -> bool:
    """More persons than the manager's threshold: the clerk gives a reason first (規程第28条)."""
    return persons > threshold


def overdue(made_on: date, today: date, days: int) -> bool:
    """An output still unconfirmed `days` after it was made."""
    return today >= made_on + timedelta(days=days)
