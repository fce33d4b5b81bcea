"""The typed registry of business settings: key, default, bounds, and the Japanese label."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SettingKey(StrEnum):
    AUTO_LOCK_MINUTES = "auto_lock_minutes"
    REVEAL_SECONDS = "reveal_seconds"
    CLIPBOARD_SECONDS = "clipboard_seconds"
    COPY_ALLOWED = "copy_allowed"
    TWO_PERSON_RULE = "two_person_rule"
    FAILED_SIGNIN_LIMIT = "failed_signin_limit"
    LOCK_MINUTES = "lock_minutes"
    BACKUP_GENERATIONS = "backup_generations"
    BACKUP_INTERVAL_DAYS = "backup_interval_days"
    OUT_OF_SCOPE_LISTED = "out_of_scope_listed"
    VERIFICATION_SCANS = "verification_scans"
    REQUEST_TARGET_DAYS = "request_target_days"
    REQUEST_FEE_YEN = "request_fee_yen"
    REQUEST_KEEP_YEARS = "request_keep_years"
    WORK_START_HOUR = "work_start_hour"
    WORK_END_HOUR = "work_end_hour"
    WORK_SATURDAY = "work_saturday"
    REVEAL_BURST_COUNT = "reveal_burst_count"
    REVEAL_BURST_MINUTES = "reveal_burst_minutes"
    BULK_OUTPUT_PERSONS = "bulk_output_persons"
    OUTPUT_CONFIRM_DAYS = "output_confirm_days"


@dataclass(frozen=True)
class SettingSpec:
    key: SettingKey
    label: str
    default: int | bool
    minimum: int = 0
    maximum: int = 0
    unit: str = ""

    def parse(self, text: str) -> int | bool:
        """Value from storage or user input; raises ValueError with a Japanese explanation."""
        value = text.strip().lower()
        if isinstance(self.default, bool):
            if value in {"1", "true", "on", "yes", "オン", "はい"}:
                return True
            if value in {"0", "false", "off", "no", "オフ", "いいえ"}:
                return False
            raise ValueError(f"{self.label}は「オン」か「オフ」で指定してください。")
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"{self.label}は整数で指定してください。") from None
        if not self.minimum <= number <= self.maximum:
            raise ValueError(
                f"{self.label}は{self.minimum}から{self.maximum}の範囲で指定してください。"
            )
        return number

    def render(self, value: int | bool) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)


SETTINGS: dict[SettingKey, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec(
            SettingKey.AUTO_LOCK_MINUTES,
            "画面の自動ロックまでの時間（操作がないとき）",
            5,
            1,
            30,
            "分",
        ),
        SettingSpec(SettingKey.REVEAL_SECONDS, "個人番号を表示しておく時間", 30, 5, 120, "秒"),
        SettingSpec(SettingKey.CLIPBOARD_SECONDS, "クリップボードに残す時間", 20, 5, 60, "秒"),
        SettingSpec(SettingKey.COPY_ALLOWED, "個人番号のコピーを許可する", True),
        SettingSpec(SettingKey.TWO_PERSON_RULE, "削除・一括出力の二人承認", True),
        SettingSpec(
            SettingKey.FAILED_SIGNIN_LIMIT,
            "アカウントをロックするまでのサインイン失敗回数",
            5,
            3,
            10,
            "回",
        ),
        SettingSpec(SettingKey.LOCK_MINUTES, "アカウントのロックを続ける時間", 15, 5, 1440, "分"),
        SettingSpec(SettingKey.BACKUP_GENERATIONS, "バックアップの保存世代数", 7, 1, 100, "世代"),
        # A week by default: a lost PC or a broken disk then costs at most a week of entries.
        SettingSpec(SettingKey.BACKUP_INTERVAL_DAYS, "バックアップを作成する間隔", 7, 1, 31, "日"),
        SettingSpec(
            SettingKey.OUT_OF_SCOPE_LISTED,
            "担当範囲外の対象者を一覧に表示する（氏名等は伏せる）",
            True,
        ),
        # 「遅滞なく」 has no number in the law: an internal target, the 2 weeks of 第39条 apart.
        SettingSpec(
            SettingKey.REQUEST_TARGET_DAYS,
            "開示等の請求に回答する目標（受付から）",
            14,
            1,
            60,
            "日",
        ),
        # 第38条: only for 利用目的の通知 and 開示, and published; 0 = no fee.
        SettingSpec(
            SettingKey.REQUEST_FEE_YEN, "開示・利用目的の通知の手数料（1件）", 0, 0, 10_000, "円"
        ),
        SettingSpec(
            SettingKey.REQUEST_KEEP_YEARS,
            "開示等の請求の記録を完了後に保存する年数",
            3,
            1,
            10,
            "年",
        ),
        # The access-log analysis' anomaly rules (app.domain.log_rules).
        SettingSpec(SettingKey.WORK_START_HOUR, "勤務時間の始まり", 8, 0, 23, "時"),
        SettingSpec(SettingKey.WORK_END_HOUR, "勤務時間の終わり", 19, 1, 24, "時"),
        SettingSpec(SettingKey.WORK_SATURDAY, "土曜日を勤務日とする", False),
        SettingSpec(
            SettingKey.REVEAL_BURST_COUNT, "短時間の多数の表示とみなす回数", 30, 2, 1000, "回"
        ),
        SettingSpec(
            SettingKey.REVEAL_BURST_MINUTES, "短時間の多数の表示を数える時間", 10, 1, 240, "分"
        ),
        # 保有規程第28条: printing more numbers than this at once asks the clerk for a reason.
        SettingSpec(
            SettingKey.BULK_OUTPUT_PERSONS,
            "個人番号の一括出力とみなす人数（これを超えると理由を記録）",
            10,
            1,
            1000,
            "人",
        ),
        # 規程第35条: a paper or file with numbers that left the desk is confirmed within this.
        SettingSpec(
            SettingKey.OUTPUT_CONFIRM_DAYS,
            "持出し・出力の結果（提出済・廃棄済など）を確認する期限（出力から）",
            14,
            1,
            90,
            "日",
        ),
        # Off by default: there is no duty to keep copies (DOMAIN.md §2.2), and each one is
        # more 特定個人情報 to protect and delete.
        SettingSpec(
            SettingKey.VERIFICATION_SCANS,
            "本人確認書類の写し（画像・PDF）を暗号化して保存できるようにする",
            False,
        ),
    )
}


# How the settings page groups them, in order; every key is in exactly one section.
SECTIONS: tuple[tuple[str, tuple[SettingKey, ...]], ...] = (
    (
        "画面とクリップボード",
        (
            SettingKey.AUTO_LOCK_MINUTES,
            SettingKey.REVEAL_SECONDS,
            SettingKey.CLIPBOARD_SECONDS,
            SettingKey.COPY_ALLOWED,
        ),
    ),
    ("サインイン（アカウントのロック）", (SettingKey.FAILED_SIGNIN_LIMIT, SettingKey.LOCK_MINUTES)),
    (
        "事務の進め方",
        (
            SettingKey.TWO_PERSON_RULE,
            SettingKey.OUT_OF_SCOPE_LISTED,
            SettingKey.VERIFICATION_SCANS,
        ),
    ),
    (
        "開示等の請求",
        (
            SettingKey.REQUEST_TARGET_DAYS,
            SettingKey.REQUEST_FEE_YEN,
            SettingKey.REQUEST_KEEP_YEARS,
        ),
    ),
    ("持出し・出力", (SettingKey.BULK_OUTPUT_PERSONS, SettingKey.OUTPUT_CONFIRM_DAYS)),
    ("バックアップ", (SettingKey.BACKUP_INTERVAL_DAYS, SettingKey.BACKUP_GENERATIONS)),
    (
        "アクセス記録の分析",
        (
            SettingKey.WORK_START_HOUR,
            SettingKey.WORK_END_HOUR,
            SettingKey.WORK_SATURDAY,
            SettingKey.REVEAL_BURST_COUNT,
            SettingKey.REVEAL_BURST_MINUTES,
        ),
    ),
)


def resolve(stored: dict[str, str]) -> dict[SettingKey, int | bool]:
    """Stored text over defaults; a stored value that no longer parses falls back to default."""
    values: dict[SettingKey, int | bool] = {}
    for key, spec in SETTINGS.items():
        try:
            values[key] = spec.parse(stored[key.value]) if key.value in stored else spec.default
        except ValueError:
            values[key] = spec.default
    return values
