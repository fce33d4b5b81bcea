"""The five kinds of request an individual may make about their 保有個人データ (APPI 第32条–第35条,
DOMAIN.md §5), with their article, whether a fee may be charged and the title of the answer."""

from __future__ import annotations

from enum import StrEnum

from app.domain.individual_requests.articles import (
    APPI_32_2,
    APPI_33,
    APPI_34,
    APPI_35_PROVISION,
    APPI_35_USAGE,
)


class RequestKind(StrEnum):
    PURPOSE_NOTICE = "purpose_notice"
    DISCLOSURE = "disclosure"
    CORRECTION = "correction"
    USAGE_STOP = "usage_stop"
    PROVISION_STOP = "provision_stop"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def article(self) -> str:
        return _ARTICLES[self]

    @property
    def fee_allowed(self) -> bool:
        """第38条第1項 allows a fee only for the notice of a purpose and for a disclosure; asking
        one for a 訂正等 or 利用停止等 would burden the right the law gives free of charge."""
        return self in _FEE_ALLOWED

    @property
    def may_sue_after_two_weeks(self) -> bool:
        """第39条 bars a suit until two weeks after the request reached us, and names only the
        requests of 第33条第1項, 第34条第1項 and 第35条第1項・第3項・第5項: the notice of a purpose
        (第32条第2項) is not a right the person can sue on, so it has no "day 14" mark."""
        return self is not RequestKind.PURPOSE_NOTICE

    @property
    def notice_title(self) -> str:
        """The title of the answer when the request is granted; decisions.notice_title gives the
        one for a refusal or for data we do not hold (不開示決定通知書, 保有個人データ不存在通知書)."""
        return _NOTICE_TITLES[self]


_LABELS = {
    RequestKind.PURPOSE_NOTICE: "利用目的の通知の求め",
    RequestKind.DISCLOSURE: "開示の請求",
    RequestKind.CORRECTION: "訂正等（訂正・追加・削除）の請求",
    RequestKind.USAGE_STOP: "利用停止等（利用の停止・消去）の請求",
    RequestKind.PROVISION_STOP: "第三者への提供の停止の請求",
}
_ARTICLES = {
    RequestKind.PURPOSE_NOTICE: APPI_32_2,
    RequestKind.DISCLOSURE: APPI_33,
    RequestKind.CORRECTION: APPI_34,
    RequestKind.USAGE_STOP: APPI_35_USAGE,
    RequestKind.PROVISION_STOP: APPI_35_PROVISION,
}
_FEE_ALLOWED = frozenset({RequestKind.PURPOSE_NOTICE, RequestKind.DISCLOSURE})
_NOTICE_TITLES = {
    RequestKind.PURPOSE_NOTICE: "利用目的通知書",
    RequestKind.DISCLOSURE: "開示決定通知書",
    RequestKind.CORRECTION: "訂正等決定通知書",
    RequestKind.USAGE_STOP: "利用停止等決定通知書",
    RequestKind.PROVISION_STOP: "第三者提供停止決定通知書",
}
