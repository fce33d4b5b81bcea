"""Business settings (manager): read, change with an audit event, mirror the sign-in limits."""

from __future__ import annotations

from app import errors
from app.domain.access import Permission
from app.domain.settings import SETTINGS, SettingKey, resolve
from app.services import audit
from app.services.guard import storage_errors
from app.session import Session
from storage import settings_repo
from storage.keyslots import ThrottlePolicy


def current(session: Session) -> dict[SettingKey, int | bool]:
    with storage_errors():
        return resolve(settings_repo.all_values(session.vault.conn))


def change(session: Session, key_name: str, text: str) -> tuple[SettingKey, int | bool]:
    audit.require(session, Permission.MANAGE_SETTINGS)
    try:
        key = SettingKey(key_name)
    except ValueError:
        raise errors.InvalidInput(
            f"設定「{key_name}」はありません。使える設定：{'、'.join(k.value for k in SettingKey)}"
        ) from None
    spec = SETTINGS[key]
    try:
        value = spec.parse(text)
    except ValueError as exc:
        raise errors.InvalidInput(str(exc)) from None
    before = current(session)[key]
    with storage_errors(), session.vault.write() as writer:
        settings_repo.put(
            writer.conn,
            key.value,
            spec.render(value),
            session.clock.now().isoformat(timespec="seconds"),
        )
        if key in (SettingKey.FAILED_SIGNIN_LIMIT, SettingKey.LOCK_MINUTES):
            # Sign-in limits are enforced before the database can be opened, so the slot file
            # carries a MAC-protected copy of them.
            values = {**current(session), key: value}
            session.vault.set_throttle_policy(
                ThrottlePolicy(
                    max_failures=int(values[SettingKey.FAILED_SIGNIN_LIMIT]),
                    lock_minutes=int(values[SettingKey.LOCK_MINUTES]),
                )
            )
        audit.record(
            writer,
            session,
            "settings.changed",
            target=key.value,
            detail={"before": spec.render(before), "after": spec.render(value)},
        )
    session.settings[key] = value
    return key, value
