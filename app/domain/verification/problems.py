"""Why a 本人確認 is not sufficient, beyond a missing document: the 個人識別事項 compared across
the documents (規1二), a photo showing someone else (法16, 令12②: the whole check stops), and a
fallback way used without saying why the usual document could not be given."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.verification.inputs import VerificationRequest
from app.domain.verification.terms import (
    LAW_16,
    ORDER_12_2,
    RULE_1_2,
    Check,
    FieldResult,
    IdentityField,
)

# Problem codes: stable, for the wizard and tests; the message is for people.
MISSING = "missing"
CHANNEL_NOT_ALLOWED = "channel_not_allowed"
DETAILS_NOT_COMPARED = "details_not_compared"
DETAILS_MISMATCH = "details_mismatch"
EMPLOYEE_NOT_LINKED = "employee_verification_not_linked"
PHOTO_MISMATCH = "photo_mismatch"
DIFFERENCE_NOT_EXPLAINED = "difference_not_explained"
FALLBACK_REASON_MISSING = "fallback_reason_missing"
# The one document that is both a 番号確認 and a 身元確認 document (法16一).
CARD = "individual_number_card"


@dataclass(frozen=True)
class Problem:
    """One reason the verification is not sufficient; `check` is None for request-level ones."""

    code: str
    check: Check | None
    message: str


def details_problem(request: VerificationRequest, needed: bool) -> Problem | None:
    """The 個人識別事項 (氏名 + 生年月日 or 住所) must be the same on the documents compared
    (規1二). 氏名 and 生年月日 never differ for the same person; an address may (a move, 旧住所 on
    a licence): with 氏名 and 生年月日 the same, it is a lawful match and the record keeps it."""
    comparison = request.comparison
    term = f"{RULE_1_2}の「個人識別事項」"
    name = comparison.result(IdentityField.NAME)
    birth = comparison.result(IdentityField.BIRTH_DATE)
    address = comparison.result(IdentityField.ADDRESS)
    if comparison.unspecified_mismatch:
        return Problem(
            DETAILS_MISMATCH,
            None,
            "照合した氏名・生年月日・住所が書類の間で一致しません。別の人の書類か、記載事項が変わっている"
            f"可能性があります。一致する書類を出してもらってください（{term}）。",
        )
    if name is FieldResult.DIFFERS:
        note = comparison.note(IdentityField.NAME)
        said = f"（メモ：{note}）" if note else ""
        return Problem(
            DETAILS_MISMATCH,
            None,
            f"氏名が書類の間で違います{said}。氏名が同じでない書類どうしでは本人確認になりません。旧姓・旧氏"
            "や通称が両方の書類に書かれていて（併記）同じなら「一致」とし、メモにそのことを書いてください。"
            f"そうでなければ、今の氏名が書かれた書類を出してもらってください（{term}）。",
        )
    if birth is FieldResult.DIFFERS:
        return Problem(
            DETAILS_MISMATCH,
            None,
            "生年月日が書類の間で違います。生年月日は変わらないので、別の人の書類の可能性があります。"
            f"同じ人の書類かを確かめ、生年月日の合う書類を出してもらってください（{term}）。",
        )
    unexplained = [
        f.label for f in IdentityField if f in comparison.differing and not comparison.note(f)
    ]
    if unexplained:
        return Problem(
            DIFFERENCE_NOT_EXPLAINED,
            None,
            f"{'・'.join(unexplained)}の違いの内容（旧住所など）を書いてください。記録に残します（{term}）。",
        )
    if not needed or comparison.covers_identity_details:
        return None
    if address is FieldResult.DIFFERS and birth is None:
        return Problem(
            DETAILS_NOT_COMPARED,
            None,
            "住所が書類の間で違うので、氏名と生年月日を照合してください。氏名と生年月日が同じなら、住所の違い"
            f"（旧住所など）を記録に残して確認できます（{term}）。",
        )
    return Problem(
        DETAILS_NOT_COMPARED,
        None,
        "氏名と、生年月日または住所の照合ができていません。番号確認の書類と身元確認の書類（代理人のときは"
        f"委任状も、電話のときは前の記録）で、氏名と、生年月日または住所が同じことを確かめてください（{term}）。",
    )


def photo_stop(request: VerificationRequest) -> Problem | None:
    """A photo that shows someone else defeats the whole check (法16, 令12②): no other document,
    exemption or earlier check can make up for it."""
    comparison = request.comparison
    if not comparison.photo_mismatch:
        return None
    whose = "本人の書類の顔写真が、来た本人" if comparison.photo_matches_face is False else ""
    if comparison.agent_photo_matches_face is False:
        whose = (whose + "、" if whose else "") + "代理人の書類の顔写真が、来た代理人"
    basis = LAW_16 if comparison.photo_matches_face is False else ORDER_12_2
    if comparison.photo_matches_face is False and comparison.agent_photo_matches_face is False:
        basis = f"{LAW_16}・{ORDER_12_2}"
    return Problem(
        PHOTO_MISMATCH,
        None,
        f"{whose}の顔と一致しません。別の人の書類で番号を出そうとしている可能性があるため、この本人確認は"
        "中止してください。ほかの書類や入社時の確認、代理人の書類で補うことはできません。番号は受け取らず、"
        f"事務取扱責任者に相談してください（{basis}）。",
    )


def fallback_problem(check: Check, bases: tuple[str, ...]) -> Problem:
    usual = {
        Check.IDENTITY: "顔写真付きの身分証明書",
        Check.AGENT_IDENTITY: "代理人の顔写真付きの身分証明書",
        Check.AUTHORITY: "委任状や戸籍謄本など",
    }.get(check, "いつもの書類")
    return Problem(
        FALLBACK_REASON_MISSING,
        check,
        f"{check.label}：{usual}を出すことが難しい理由を記録してください。ここで使った方法は、"
        f"それが難しい場合に限り認められています（{'・'.join(bases)}）。",
    )
