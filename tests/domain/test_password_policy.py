"""Password rules of SPEC §1, through the service that adds the common-password check."""

from __future__ import annotations

import pytest

from app import errors
from app.domain import password_policy
from app.services import passwords


def _codes(password: str, login: str = "tanaka", name: str = "田中 太郎") -> set[str]:
    return {
        rule.code
        for rule in password_policy.violations(
            password, login=login, display_name=name, is_guessable=lambda _t: False
        )
    }


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("short-pass", {"length"}),
        ("x" * 257, {"too_long", "not_common"}),
        ("my-tanaka-password-2026", {"not_login"}),
        ("TANAKA-sun-river-77", {"not_login"}),
        ("aaaaaaaaaaaaaaa", {"not_common"}),
        ("abcdefghijklmn", {"not_common"}),
        ("Quiet-River-Stone-88", set()),
        ("静かな川の石と青い港の灯り", set()),
    ],
)
def test_rules(password: str, expected: set[str]) -> None:
    assert _codes(password) == expected


def test_full_width_input_is_measured_after_normalisation() -> None:
    full_width = "Ｑｕｉｅｔ－Ｒｉｖｅｒ－Ｓｔｏｎｅ－８８"
    assert password_policy.normalize(full_width) == "Quiet-River-Stone-88"
    assert _codes(full_width) == set()


@pytest.mark.parametrize(
    "password", ["password1234", "qwertyuiopasdf", "mynumber12345", "123456789012", "iloveyou2026!"]
)
def test_common_passwords_are_refused_with_the_reason(password: str) -> None:
    with pytest.raises(errors.PasswordRejected) as rejected:
        passwords.check(password, login="tanaka", display_name="田中 太郎")
    assert any("よく使われる" in p for p in rejected.value.problems)


def test_every_rule_has_a_reason_for_the_user() -> None:
    for rule in password_policy.RULES.values():
        assert rule.text and rule.reason
