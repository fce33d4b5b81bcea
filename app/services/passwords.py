"""Applies the password policy, with zxcvbn as the common-password and pattern detector."""

from __future__ import annotations

from app import errors
from app.domain import password_policy

# zxcvbn estimates guesses from leaked-password lists, dictionaries, keyboard walks, dates and
# repeats; under 10^10 guesses an offline attack on a copied slot file is realistic even with
# Argon2id, so such passwords count as common.
_MIN_GUESSES_LOG10 = 10.0
_PRODUCT_WORDS = ("mynumber", "my number", "マイナンバー", "kojinbango", "desk")
# zxcvbn refuses (raises on) anything longer. A longer passphrase is judged by its first 72
# characters: a guessable start is not made safe by what follows it, and the rest only adds.
ZXCVBN_MAX_LENGTH = 72


def check(password: str, *, login: str, display_name: str, office_name: str = "") -> str:
    """Return the normalised password, or raise PasswordRejected listing every broken rule."""

    def is_guessable(text: str) -> bool:
        from zxcvbn import zxcvbn

        words = [w for w in (login, display_name, office_name, *_PRODUCT_WORDS) if w]
        result = zxcvbn(text[:ZXCVBN_MAX_LENGTH], user_inputs=words)
        return float(result["guesses_log10"]) < _MIN_GUESSES_LOG10

    broken = password_policy.violations(
        password, login=login, display_name=display_name, is_guessable=is_guessable
    )
    if broken:
        raise errors.PasswordRejected([rule.text for rule in broken])
    return password_policy.normalize(password)
