"""The settings registry and the scope syntax."""

from __future__ import annotations

import pytest

from app.domain import scopes
from app.domain.settings import SETTINGS, SettingKey, resolve


def test_defaults_match_the_spec() -> None:
    values = resolve({})
    assert values[SettingKey.AUTO_LOCK_MINUTES] == 5
    assert values[SettingKey.REVEAL_SECONDS] == 30
    assert values[SettingKey.CLIPBOARD_SECONDS] == 20
    assert values[SettingKey.FAILED_SIGNIN_LIMIT] == 5
    assert values[SettingKey.LOCK_MINUTES] == 15
    assert values[SettingKey.TWO_PERSON_RULE] is True


@pytest.mark.parametrize(("text", "ok"), [("30", True), ("31", False), ("0", False), ("x", False)])
def test_auto_lock_bounds(text: str, ok: bool) -> None:
    spec = SETTINGS[SettingKey.AUTO_LOCK_MINUTES]
    if ok:
        assert spec.parse(text) == int(text)
    else:
        with pytest.raises(ValueError, match="自動ロック"):
            spec.parse(text)


def test_a_stored_value_that_no_longer_parses_falls_back() -> None:
    assert resolve({"auto_lock_minutes": "999"})[SettingKey.AUTO_LOCK_MINUTES] == 5
    assert resolve({"two_person_rule": "false"})[SettingKey.TWO_PERSON_RULE] is False


def test_scope_syntax() -> None:
    assert scopes.parse_scope("purpose:tax_withholding") == ("purpose", "tax_withholding")
    assert scopes.parse_scope("kind:employee") == ("group", "kind:employee")
    assert scopes.parse_scope("dept:総務部") == ("group", "dept:総務部")
    assert scopes.label("group", "dept:総務部") == "部署：総務部"
    for bad in ("purpose:rousai", "kind:robot", "dept:", "everything"):
        with pytest.raises(ValueError):
            scopes.parse_scope(bad)


@pytest.mark.parametrize("cell", ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "＝1"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    from app.domain.csv_safety import neutralize

    assert neutralize(cell) == "'" + cell
    assert neutralize("山田 太郎") == "山田 太郎"
    assert neutralize(None) == ""


def test_every_setting_is_in_exactly_one_section_of_the_settings_page() -> None:
    from app.domain.settings import SECTIONS, SETTINGS

    listed = [key for _title, keys in SECTIONS for key in keys]
    assert sorted(listed) == sorted(SETTINGS) and len(listed) == len(set(listed))


def test_a_scope_reads_as_one_short_line() -> None:
    from app.domain.scopes import every_scope, summary

    assert summary(every_scope()) == "すべての事務・すべての対象者"
    assert summary(frozenset()) == "なし"
    assert (
        summary(frozenset({("purpose", "tax_withholding"), ("group", "kind:employee")}))
        == "源泉徴収事務・従業員"
    )
    assert summary(frozenset({("group", "dept:総務部")})) == "事務なし・部署：総務部"
