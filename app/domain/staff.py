"""A staff member as services see them, and the rules for login names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from app.domain.access import Role

_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MAX_LOGIN_DIGITS = 12


@dataclass(frozen=True)
class StaffMember:
    id: int
    login_name: str
    display_name: str
    roles: frozenset[Role]
    scopes: frozenset[tuple[str, str]]
    active: bool
    must_change_password: bool
    # The sign-in lock after failed passwords (kept in the key-slot file, not the database):
    # until a time, or, past the hard limit of failures, until a manager unlocks it.
    locked_until: datetime | None = None
    locked_until_unlocked: bool = False

    @property
    def role_labels(self) -> str:
        return "・".join(role.label for role in sorted(self.roles, key=list(Role).index))

    @property
    def locked(self) -> bool:
        return self.locked_until is not None or self.locked_until_unlocked


def normalize_login(text: str) -> str:
    """NFKC and lower case, so ＴＡＮＡＫＡ typed with the IME on signs in as tanaka."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


def check_login(text: str) -> str:
    login = normalize_login(text)
    if not _LOGIN.match(login):
        raise ValueError(
            "ユーザー名は半角英小文字・数字・「.」「_」「-」の2～32文字で、英数字で始めてください。"
        )
    if sum(ch.isdigit() for ch in login) >= MAX_LOGIN_DIGITS:
        # A login name is stored, logged and exported in plain text: it must not be able to
        # hold a My Number, however its digits are spread or separated.
        raise ValueError(
            f"ユーザー名に数字を{MAX_LOGIN_DIGITS}個以上含めることはできません"
            "（個人番号と区別できないため）。"
        )
    return login


def check_display_name(text: str) -> str:
    name = unicodedata.normalize("NFKC", text).strip()
    if not 1 <= len(name) <= 60:
        raise ValueError("氏名は1～60文字で入力してください。")
    if any(ch.isdigit() for ch in name):
        # A digit run in a name field is the usual way a number leaks into a log or a list.
        raise ValueError("氏名に数字は使えません。")
    return name
