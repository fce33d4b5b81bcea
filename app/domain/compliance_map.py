"""The compliance map (対応表): for each article of the two office regulations the product was
designed from (/work/shared/regulations: 特定個人情報取扱規程 and 保有個人情報管理規程), what the
program does for it, on which screen, and the tests that prove it; the articles the program
cannot serve are listed as 運用で対応 with a note. Data only: tests/domain/test_compliance_map.py
checks that every test named exists and every screen is a real page or dialog."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Regulation(StrEnum):
    HANDLING = "handling"  # 特定個人情報取扱規程 (社会福祉法人): 「規程」 in SPEC.md
    HOLDING = "holding"  # 保有個人情報管理規程 (独立行政法人): 「保有規程」

    @property
    def label(self) -> str:
        return REGULATION_LABELS[self]


REGULATION_LABELS = {
    Regulation.HANDLING: "特定個人情報取扱規程",
    Regulation.HOLDING: "保有個人情報管理規程",
}


@dataclass(frozen=True)
class Screen:
    label: str
    module: str  # the file under the project root that holds it
    page_key: str = ""  # a main-window page: its key
    defines: str = ""  # a dialog, widget or menu action: the class or function in module


# Every screen the map may point to.
SCREENS: dict[str, Screen] = {
    "dashboard": Screen("ダッシュボード", "ui/pages/dashboard_page.py", page_key="dashboard"),
    "people": Screen("人員", "ui/pages/people_page.py", page_key="people"),
    "retention": Screen("保存期間・削除", "ui/pages/retention_page.py", page_key="retention"),
    "requests": Screen("開示等の請求", "ui/pages/requests_page.py", page_key="requests"),
    "records": Screen("アクセス記録", "ui/pages/audit_page.py", page_key="records"),
    "incidents": Screen("漏えい等事案", "ui/pages/incidents_page.py", page_key="incidents"),
    "staff": Screen("職員管理", "ui/pages/staff_page.py", page_key="staff"),
    "settings": Screen("設定", "ui/pages/settings_page.py", page_key="settings"),
    "inspection": Screen("点検・研修", "ui/pages/inspection_page.py", page_key="inspection"),
    "verification": Screen("本人確認", "ui/verification_wizard.py", defines="VerificationWizard"),
    "import": Screen("ファイルからの取込み", "ui/import_wizard.py", defines="ImportWizard"),
    "number_entry": Screen(
        "個人番号の登録", "ui/dialogs/number_entry_dialog.py", defines="NumberEntryDialog"
    ),
    "reveal": Screen("個人番号の表示", "ui/widgets/masked_number.py", defines="MaskedNumberWidget"),
    "corrections": Screen(
        "訂正の記録", "ui/dialogs/corrections_dialog.py", defines="CorrectionsDialog"
    ),
    "outputs": Screen("持出し・出力記録", "ui/dialogs/outputs_dialog.py", defines="OutputsDialog"),
    "pdf_export": Screen(
        "暗号化したPDFの保存", "ui/dialogs/pdf_export.py", defines="ExportPasswordDialog"
    ),
    "log_analysis": Screen(
        "アクセス記録の分析", "ui/dialogs/log_analysis_dialog.py", defines="LogAnalysisDialog"
    ),
    "signin": Screen("サインイン", "ui/signin_dialog.py", defines="SignInDialog"),
    "lock": Screen("ロック画面", "ui/lock.py", defines="LockScreen"),
    "backup": Screen("ファイル＞バックアップ", "ui/main_menu.py", defines="make_backup"),
}


@dataclass(frozen=True)
class Article:
    regulation: Regulation
    article: str  # 「第50条」, 「第12条〜第14条」
    title: str
    does: str  # what the program does, or for 運用で対応 what the office does
    screens: tuple[str, ...] = ()  # SCREENS keys; none: the whole program or 運用で対応
    tests: tuple[str, ...] = ()  # pytest node ids; none: 運用で対応

    @property
    def served(self) -> bool:
        return bool(self.tests)


H, P = Regulation.HANDLING, Regulation.HOLDING
_T = "tests/"


def _a(
    regulation: Regulation,
    article: str,
    title: str,
    does: str,
    screens: tuple[str, ...] = (),
    tests: tuple[str, ...] = (),
) -> Article:
    return Article(regulation, article, title, does, screens, tuple(_T + t for t in tests))


ARTICLES: tuple[Article, ...] = (
    _a(H, "第1条〜第3条", "目的・定義・適用範囲", "規程の前提。運用で対応（規程の制定と周知）。"),
    _a(
        H,
        "第4条・第19条・第26条",
        "事務の範囲・利用目的・利用制限",
        "個人番号は事務（利用目的）ごとに登録し、表示・出力は担当する事務の目的に限る。",
        ("people", "reveal"),
        (
            "services/test_numbers.py::test_purpose_must_fit_the_person_and_the_collection",
            "domain/test_my_number.py::test_workers_compensation_is_not_a_purpose_and_says_why",
        ),
    ),
    _a(H, "第5条・第6条", "取り扱う範囲・基本方針", "運用で対応（基本方針の制定と掲示）。"),
    _a(
        H,
        "第7条・第8条",
        "管理責任者・事務取扱担当部門",
        "役割（担当者・責任者・管理責任者・監査責任者）と担当範囲を職員アカウントに設定する。",
        ("staff",),
        (
            "services/test_staff.py::test_only_the_manager_administers_staff_and_refusals_are_logged",
        ),
    ),
    _a(
        H,
        "第9条④",
        "取扱区分・権限の設定と変更の管理",
        "役割・担当範囲の変更を記録し、年1回のアカウントの棚卸しで全アカウントを確認する。",
        ("staff", "inspection"),
        (
            "services/test_staff.py::test_scopes_change_is_audited",
            "services/test_records.py::"
            "test_the_account_review_lists_every_account_and_keeps_what_was_confirmed",
        ),
    ),
    _a(
        H,
        "第9条⑦・第50条",
        "教育・研修",
        "研修の実施日・内容・講師・参加者を記録し、次回の研修を1年後の期限で示す。",
        ("inspection",),
        (
            "services/test_records.py::"
            "test_the_supervisor_records_a_training_and_the_next_one_is_due_a_year_on",
        ),
    ),
    _a(H, "第10条", "事務取扱担当者の責務", "運用で対応（担当者が規程に従って事務を行う）。"),
    _a(
        H,
        "第11条・第17条",
        "内部監査",
        "監査責任者はアクセス記録・台帳・記録を閲覧でき、個人番号は閲覧できない。"
        "アクセス記録の報告書にチェーンの検証結果を印字する。",
        ("records",),
        (
            "reports/test_audit_report.py::"
            "test_the_report_holds_counts_flags_checks_and_the_chain_but_no_number",
            "services/test_verification_scans.py::test_the_auditor_can_never_open_a_copy",
        ),
    ),
    _a(
        H,
        "第12条〜第14条",
        "漏えい事案等への対応・公表・再発防止",
        "事案を登録し、報告要否・速報/確報の期限・報告事項・本人への通知・再発防止策を記録し、"
        "年次分析を出力する。",
        ("incidents", "dashboard"),
        (
            "services/test_incidents.py::test_from_discovery_to_the_final_report",
            "services/test_incidents.py::test_the_yearly_analysis_lists_the_year_and_names_nobody",
        ),
    ),
    _a(
        H,
        "第15条",
        "運用状況の記録",
        "登録・表示・出力・削除・サインインを改ざん検知できるアクセス記録に残す。",
        ("records",),
        (
            "storage/test_audit_chain.py::test_clean_chain_verifies",
            "storage/test_audit_chain.py::"
            "test_truncation_is_found_against_the_anchor_and_not_buried_by_new_entries",
        ),
    ),
    _a(
        H,
        "第16条",
        "取扱状況の確認手段（管理台帳）",
        "特定個人情報管理台帳をデータから作成する（取扱部署・区域・アクセス権を有する者を含む）。",
        ("records", "retention"),
        (
            "services/test_ledger.py::test_counts_access_and_areas_come_from_the_data",
            "services/test_ledger.py::test_the_ledger_names_the_handling_department_the_manager_set",
        ),
    ),
    _a(H, "第18条", "適正な取得", "運用で対応（取得の方法は担当者が守る）。"),
    _a(
        H,
        "第20条",
        "取得時の利用目的の通知",
        "本人ごとに登録した利用目的から利用目的通知書を作成する。",
        ("people",),
        (
            "services/test_numbers.py::"
            "test_purpose_notice_for_a_person_lists_what_was_collected_and_is_logged",
        ),
    ),
    _a(
        H,
        "第21条・第22条",
        "個人番号の提供の要求",
        "提供を求めた記録と提供を受けられなかった経過を記録し、提供拒否経過記録を出力する。",
        ("people",),
        ("services/test_refusals.py::test_requests_are_recorded_and_printed_without_any_number",),
    ),
    _a(
        H,
        "第25条",
        "本人確認",
        "番号確認と身元確認を書類の組合せで判定するウィザードで行い、本人確認記録を残す。",
        ("verification",),
        (
            "services/test_verification_service.py::"
            "test_card_in_person_registers_the_number_and_the_record_in_one_step",
            "ui/test_verification_wizard.py::test_a_number_notice_is_refused_with_the_reason",
        ),
    ),
    _a(
        H,
        "第27条",
        "特定個人情報ファイルの作成の制限",
        "取込みに使ったファイルを削除するよう促し、その旨を記録する。",
        ("import",),
        (
            "ui/test_people_page.py::test_import_wizard_imports_a_cp932_file_and_reminds_to_delete_it",
        ),
    ),
    _a(
        H,
        "第28条",
        "正確性の確保",
        "入力時にチェックデジットを検証し、訂正は理由とともに訂正の記録に残す。",
        ("number_entry", "corrections"),
        (
            "domain/test_my_number.py::test_check_digit_matches_the_published_formula",
            "services/test_corrections.py::test_an_edit_keeps_who_when_why_and_what",
        ),
    ),
    _a(H, "第29条", "保有個人情報に関する事項の公表", "運用で対応（事業所の掲示・ホームページ）。"),
    _a(
        H,
        "第30条・第32条",
        "保管制限・廃棄・削除",
        "保存期間を計算して削除期限の到来を示し、二人の確認で削除して削除記録を残す。",
        ("retention",),
        (
            "services/test_deletion.py::test_the_due_list_says_what_may_go_and_why",
            "services/test_deletion.py::test_a_run_proposed_approved_by_another_and_executed",
        ),
    ),
    _a(
        H,
        "第31条",
        "提供制限",
        "個人番号を記載した出力は提出先を選んで持出し・出力記録に登録する。",
        ("outputs",),
        ("services/test_outputs.py::test_an_unknown_destination_opens_no_number",),
    ),
    _a(
        H,
        "第33条",
        "管理区域・取扱区域",
        "区域の説明を管理台帳に記載する。区域の物理的な管理は運用で対応。",
        ("records",),
        ("services/test_ledger.py::test_counts_access_and_areas_come_from_the_data",),
    ),
    _a(
        H,
        "第34条",
        "機器・電子媒体の盗難防止",
        "運用で対応（施錠・固定）。データベースとバックアップは暗号化されている。",
    ),
    _a(
        H,
        "第35条",
        "持出しの際の漏えい防止",
        "出力ごとに出力番号・提出先・方法を記録して提出・廃棄の確認を待ち、PDFは暗号化して保存する。",
        ("outputs", "pdf_export"),
        (
            "services/test_outputs.py::test_a_saved_pdf_is_encrypted_and_registered",
            "services/test_outputs.py::test_unconfirmed_outputs_become_overdue",
        ),
    ),
    _a(
        H,
        "第36条",
        "記録媒体等の廃棄・削除",
        "削除・廃棄記録簿と削除証明書を出力し、紙の書類の廃棄も記録する。",
        ("retention",),
        (
            "services/test_deletion.py::"
            "test_the_ledger_and_the_certificate_hold_the_record_and_no_number",
        ),
    ),
    _a(
        H,
        "第37条",
        "アクセス制御",
        "担当範囲外の人は伏せて表示し、範囲外の操作は拒否して記録する。",
        ("people", "staff"),
        (
            "services/test_numbers.py::test_scope_is_enforced_in_the_service_and_refusals_are_logged",
            "ui/test_signin_and_lock.py::test_navigation_shows_only_what_the_roles_may_use",
        ),
    ),
    _a(
        H,
        "第38条",
        "アクセス者の識別と認証",
        "職員ごとのアカウントとパスワードでサインインし、失敗が続くとアカウントをロックする。",
        ("signin",),
        (
            "storage/test_vault.py::test_lockout_after_five_failures_survives_a_restart_and_expires",
            "domain/test_password_policy.py::test_common_passwords_are_refused_with_the_reason",
        ),
    ),
    _a(
        H,
        "第39条",
        "外部からの不正アクセス等の防止",
        "運用で対応（ファイアウォール・ウイルス対策）。本プログラムはネットワークに接続しない。",
    ),
    _a(
        H,
        "第40条",
        "送信時の漏えい防止",
        "個人番号を含むPDFはAES-256で暗号化して保存し、パスワードは一度だけ表示する。",
        ("pdf_export",),
        (
            "ui/test_withholding_slip_dialog.py::"
            "test_a_copy_saved_as_pdf_is_encrypted_and_its_password_shown_once",
        ),
    ),
    _a(
        H,
        "第41条",
        "従業者の監督",
        "勤務時間外の表示、短時間の大量表示、一括出力をアクセス記録の分析で注意事項にする。",
        ("log_analysis",),
        (
            "services/test_log_analysis.py::test_many_reveals_in_a_short_time_are_one_flag",
            "ui/test_log_analysis_dialog.py::test_a_flag_is_raised_and_acknowledged_by_the_supervisor",
        ),
    ),
    _a(
        H,
        "第42条・第43条",
        "委託先の監督・再委託",
        "運用で対応（委託契約書・監督の記録を保管する）。",
    ),
    _a(
        H,
        "第44条・第45条",
        "開示・開示の手続",
        "請求の受付・本人確認・決定・通知書の作成を記録し、他人の個人番号は伏せる。",
        ("requests",),
        (
            "services/test_individual_requests.py::test_a_disclosure_by_post_from_intake_to_the_notice",
        ),
    ),
    _a(
        H,
        "第46条・第47条",
        "訂正等・訂正等の手順",
        "訂正の請求を訂正の記録で処理し、決定通知書に訂正内容を記載する。",
        ("requests", "corrections"),
        (
            "services/test_individual_requests.py::"
            "test_a_correction_is_made_through_the_correction_record_and_listed_in_the_notice",
        ),
    ),
    _a(
        H,
        "第48条",
        "利用停止等",
        "理由のある利用停止の請求は削除の実行計画で個人番号を消去する。",
        ("requests", "retention"),
        (
            "services/test_individual_requests.py::"
            "test_a_justified_usage_stop_erases_the_number_through_a_deletion_run",
        ),
    ),
    _a(
        H,
        "第49条・第51条",
        "開示等の手続・苦情等への対応",
        "請求・苦情の窓口を設定し、すべての通知書に印字する。",
        ("settings", "requests"),
        (
            "services/test_individual_requests.py::"
            "test_the_office_contact_is_set_by_the_manager_and_printed_on_every_paper",
        ),
    ),
    _a(
        H,
        "第52条",
        "代表者による見直し",
        "見直しの材料として自己点検報告書（本対応表を含む）を作成する。見直し自体は運用で対応。",
        ("inspection",),
        ("services/test_self_inspection.py::test_the_report_has_every_section_and_no_number",),
    ),
    _a(H, "第53条", "罰則", "運用で対応（就業規則）。"),
    _a(P, "第3条〜第6条", "管理体制", "運用で対応（管理者・担当者の任命）。"),
    _a(
        P,
        "第7条・第8条",
        "事務取扱担当者の指定・範囲",
        "担当者ごとに扱う事務と対象者の範囲を設定する。",
        ("staff",),
        (
            "services/test_staff.py::test_create_staff_with_scope_then_first_sign_in_must_change_password",
        ),
    ),
    _a(
        P,
        "第9条",
        "監査責任者",
        "監査責任者の鍵には個人番号の鍵を入れず、記録だけを閲覧できる。",
        ("records",),
        (
            "storage/test_vault.py::"
            "test_role_change_grants_and_revokes_the_number_key_without_the_password",
        ),
    ),
    _a(P, "第10条", "委員会", "運用で対応。"),
    _a(
        P,
        "第11条",
        "教育研修",
        "研修の記録と次回の期限（取扱規程第50条と同じ画面）。",
        ("inspection",),
        (
            "services/test_records.py::"
            "test_the_supervisor_records_a_training_and_the_next_one_is_due_a_year_on",
        ),
    ),
    _a(P, "第12条", "役職員の責務", "運用で対応。"),
    _a(
        P,
        "第13条",
        "アクセス制限",
        "アクセスできる職員と範囲を担当範囲で必要最小限に限る。",
        ("people", "staff"),
        (
            "services/test_people_search.py::"
            "test_outside_the_scope_rows_are_listed_masked_after_the_members_own",
        ),
    ),
    _a(
        P,
        "第14条",
        "複製等の制限",
        "個人番号のコピーを設定で禁止でき、コピーと出力は記録する。",
        ("reveal", "settings"),
        (
            "services/test_numbers.py::test_copying_switched_off_by_the_manager_is_refused_and_logged",
        ),
    ),
    _a(
        P,
        "第15条",
        "誤りの訂正等",
        "訂正の記録（誰が・いつ・なぜ・何を）を残す。",
        ("corrections",),
        ("services/test_corrections.py::test_an_edit_keeps_who_when_why_and_what",),
    ),
    _a(P, "第16条", "媒体の管理等", "運用で対応（耐火金庫・施錠保管）。"),
    _a(
        P,
        "第17条",
        "誤送付等の防止",
        "PDFの文書情報に氏名・番号を入れない（注の書誌情報）。送付前の確認は運用で対応。",
        ("outputs",),
        (
            "reports/test_deletion_records.py::test_fonts_are_embedded_subsets_and_metadata_is_neutral",
        ),
    ),
    _a(
        P,
        "第18条",
        "廃棄等",
        "削除は上書きして記録し、古いバックアップの破棄も記録する。",
        ("retention",),
        (
            "services/test_backup_rotation.py::"
            "test_a_deletion_record_says_when_each_backup_holding_the_number_goes",
        ),
    ),
    _a(
        P,
        "第19条",
        "取扱状況の記録（台帳）",
        "管理台帳をデータから作成する。",
        ("records",),
        ("services/test_ledger.py::test_counts_access_and_areas_come_from_the_data",),
    ),
    _a(
        P,
        "第20条",
        "外的環境の把握",
        "運用で対応。データはこのPCだけに保存し、外国のクラウドは使わない。",
    ),
    _a(
        P,
        "第21条〜第24条",
        "個人番号の利用・提供の求め・ファイル作成・収集の制限",
        "取扱規程第4条・第19条・第27条と同じ（利用目的の限定、取込みファイルの削除の促し）。",
        ("people", "import"),
        ("services/test_numbers.py::test_purpose_must_fit_the_person_and_the_collection",),
    ),
    _a(
        P,
        "第25条",
        "取扱区域",
        "区域の説明を管理台帳に記載する。物理的措置は運用で対応。",
        ("records",),
        ("services/test_ledger.py::test_counts_access_and_areas_come_from_the_data",),
    ),
    _a(
        P,
        "第26条",
        "アクセス制御（パスワード等）",
        "12文字以上で推測されやすくないパスワードを求め、失敗が続くとアカウントをロックする。",
        ("signin",),
        ("domain/test_password_policy.py::test_rules",),
    ),
    _a(
        P,
        "第27条",
        "アクセス記録",
        "アクセス記録を改ざん検知できる形で保存し、署名したチェックポイントで確かめる。",
        ("records",),
        (
            "storage/test_audit_chain.py::test_thousand_random_mutations_are_each_found_at_the_first_bad_entry",
        ),
    ),
    _a(
        P,
        "第28条",
        "アクセス状況の監視",
        "一定量以上の一括出力は出力前に理由を求め、分析で注意事項として示す。",
        ("outputs", "log_analysis"),
        (
            "services/test_outputs.py::test_a_bulk_output_needs_a_reason_which_is_logged",
            "services/test_log_analysis.py::test_a_bulk_output_is_flagged",
        ),
    ),
    _a(
        P,
        "第29条",
        "管理者権限の設定",
        "役割ごとにできる操作を限定し、拒否した操作を記録する。",
        ("staff",),
        (
            "services/test_people_permissions.py::test_each_role_may_do_exactly_its_part_and_refusals_are_logged",
        ),
    ),
    _a(
        P,
        "第30条・第31条",
        "不正アクセス・不正プログラムの防止",
        "運用で対応（OSの更新・ウイルス対策）。",
    ),
    _a(
        P,
        "第32条",
        "一時的な複製の消去",
        "取込みファイルの削除を促し、PDFは画面で確認して平文のファイルを残さない。",
        ("import",),
        ("ui/test_people_page.py::test_purpose_notice_is_previewed_from_memory",),
    ),
    _a(
        P,
        "第33条",
        "暗号化",
        "データベース全体と個人番号の欄を暗号化し、バックアップも暗号化する。",
        (),
        (
            "storage/test_number_cipher.py::test_round_trip_and_no_plaintext_in_the_blob",
            "storage/test_backup.py::test_backup_holds_no_plaintext",
        ),
    ),
    _a(
        P,
        "第34条",
        "入力情報の照合等",
        "個人番号は2回入力して照合し、チェックデジットを検証する。",
        ("number_entry", "verification"),
        (
            "ui/test_verification_wizard.py::test_a_number_registered_then_checked_is_typed_twice_in_all",
        ),
    ),
    _a(
        P,
        "第35条",
        "バックアップ",
        "暗号化したバックアップを作成・検証し、世代を管理する。分散保管は運用で対応。",
        ("backup",),
        (
            "storage/test_backup.py::test_backup_is_recorded_and_audited",
            "services/test_backup_rotation.py::test_rotation_keeps_the_newest_generations_and_destroys_the_rest",
        ),
    ),
    _a(P, "第36条〜第38条", "設計書の管理・端末の限定・盗難防止", "運用で対応。"),
    _a(
        P,
        "第39条",
        "第三者の閲覧防止",
        "一定時間操作がないと画面をロックし、ロック中は個人情報を表示しない。",
        ("lock",),
        ("ui/test_signin_and_lock.py::test_idle_lock_drops_data_and_unlock_restores",),
    ),
    _a(P, "第40条〜第44条", "媒体の接続制限・情報システム室等", "運用で対応。"),
    _a(
        P,
        "第45条・第46条",
        "保有個人情報・特定個人情報の提供",
        "提供は提出先を記録した出力に限る（取扱規程第31条と同じ）。",
        ("outputs",),
        ("services/test_outputs.py::test_a_tax_office_copy_is_registered_with_its_events",),
    ),
    _a(P, "第47条・第48条", "業務の委託等", "運用で対応（委託先の選定・契約・監督の記録）。"),
    _a(P, "第49条", "サイバーセキュリティ", "運用で対応。"),
    _a(
        P,
        "第50条〜第52条",
        "事案の報告・再発防止・公表",
        "漏えい等事案の記録と報告の期限（取扱規程第12条〜第14条と同じ）。",
        ("incidents",),
        ("services/test_incidents.py::test_from_discovery_to_the_final_report",),
    ),
    _a(
        P,
        "第53条",
        "監査",
        "監査責任者がアクセス記録と報告書を閲覧・出力する。",
        ("records",),
        (
            "services/test_audit_view.py::test_the_export_is_refused_without_the_permission_and_logged_with_it",
        ),
    ),
    _a(
        P,
        "第54条",
        "点検",
        "年次の自己点検報告書をデータから作成し、責任者が署名する。",
        ("inspection",),
        ("services/test_self_inspection.py::test_the_report_has_every_section_and_no_number",),
    ),
    _a(P, "第55条〜第57条", "評価及び見直し・主務省との連携・細目", "運用で対応。"),
)


def of(regulation: Regulation) -> list[Article]:
    return [a for a in ARTICLES if a.regulation is regulation]
