<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="27" />
        <source>About MyNumber Desk</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="40" />
        <source>MyNumber Desk</source>
        <translation>マイナンバー管理デスク</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="31" />
        <source>OpenSSL (used by SQLCipher)</source>
        <translation>OpenSSL（SQLCipher が使用）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="29" />
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="35" />
        <source>Build</source>
        <translation>実行形式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="36" />
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="37" />
        <source>Where the PC's key is kept</source>
        <translation>PCの鍵の保管先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="39" />
        <source>Installed program</source>
        <translation>インストール版</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="39" />
        <source>Run from source</source>
        <translation>ソースから実行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="44" />
        <source>Keeps the office's My Numbers as the My Number Act and the PPC guideline require. Tell these versions to whoever supports the program.</source>
        <translation>マイナンバー法と個人情報保護委員会のガイドラインに沿って、事業所のマイナンバーを管理します。お問い合わせの際は、以下のバージョン情報をお伝えください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="75" />
        <source>A file beside the data (demo and development only, not the OS store): %1</source>
        <translation>データと同じフォルダーのファイル（デモ・開発用。OSの資格情報ストアではありません）: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="78" />
        <source>Not usable (%1)</source>
        <translation>使用できません（%1）</translation>
    </message>
</context>
<context>
    <name>AccessLogPage</name>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="220" />
        <source>All actions</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="163" />
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="87" />
        <source>Analysis and audit report…</source>
        <translation>分析・監査報告書…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="170" />
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="176" />
        <source>Filter</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="196" />
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="76" />
        <source>Verify the log</source>
        <translation>記録の検証</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="79" />
        <source>Export CSV…</source>
        <translation>CSVに書き出し…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="83" />
        <source>Management ledger (PDF)…</source>
        <translation>特定個人情報管理台帳（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="94" />
        <source>Outputs register…</source>
        <translation>持出し・出力記録…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="126" />
        <location filename="../../ui/pages/audit_page.py" line="354" />
        <source>Access log</source>
        <translation>アクセス記録</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="141" />
        <source>Name, kana, code or department</source>
        <translation>氏名・フリガナ・従業員コード・部署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="146" />
        <location filename="../../ui/pages/audit_page.py" line="250" />
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="149" />
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="180" />
        <source>Clear conditions</source>
        <translation>条件をクリア</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="194" />
        <source>Person</source>
        <translation>対象者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="198" />
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="200" />
        <source>Kind of action</source>
        <translation>操作の種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="202" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="318" />
        <source>Verifying…</source>
        <translation>検証しています…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="327" />
        <source>The log is intact: %1 entries, latest fingerprint %2. Write the fingerprint in the work diary to detect a rollback later.</source>
        <translation>アクセス記録は改ざんされていません（%1件、最新の指紋 %2）。後で巻き戻しを検出できるよう、この指紋を業務日誌に記入してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="334" />
        <source>Signed checkpoint: %1.</source>
        <translation>署名付きチェックポイント：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="336" />
        <source>No signed checkpoint yet.</source>
        <translation>署名付きチェックポイントはまだありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="349" />
        <source>CSV for Excel, UTF-8 (*.csv)</source>
        <translation>CSV（Excel用、UTF-8） (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="350" />
        <source>CSV for older Excel, Shift_JIS (*.csv)</source>
        <translation>CSV（古いExcel用、Shift_JIS） (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="353" />
        <source>Export the access log</source>
        <translation>アクセス記録の書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="376" />
        <source>Exported to %1.</source>
        <translation>%1 に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="386" />
        <source>Management ledger</source>
        <translation>特定個人情報管理台帳</translation>
    </message>
</context>
<context>
    <name>AccountReviewTab</name>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="48" />
        <source>Once a year, check that every account still needs its roles and scopes (規程第9条④). Mark the accounts to change or disable, then change them on the Staff page.</source>
        <translation>年に1回、すべてのアカウントについて役割と担当範囲が今も必要か確認します（規程第9条④）。変更や無効化が必要なアカウントに印を付け、「職員管理」の画面で変更してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="59" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="60" />
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="61" />
        <source>Scope</source>
        <translation>担当範囲</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="62" />
        <source>Signed roster</source>
        <translation>名簿の署名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="63" />
        <source>Finding</source>
        <translation>確認結果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="64" />
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="78" />
        <source>Result and what is to be done</source>
        <translation>結果と今後の対応</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="81" />
        <source>Record the review</source>
        <translation>棚卸しを記録する</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="93" />
        <location filename="../../ui/pages/account_review_tab.py" line="107" />
        <source>Reviewed on</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="94" />
        <source>Reviewer</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="95" />
        <source>Accounts checked</source>
        <translation>確認した数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="96" />
        <source>To change or disable</source>
        <translation>変更・無効化が必要なアカウント</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="151" />
        <source>no change needed</source>
        <translation>変更の必要なし</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="156" />
        <source>No account review has been recorded yet.</source>
        <translation>アカウントの棚卸しの記録はまだありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="160" />
        <source>Last review: %1 by %2.</source>
        <translation>前回の棚卸し：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="172" />
        <source> (disabled)</source>
        <translation>（無効）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="177" />
        <source>Matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="177" />
        <source>Differs</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="193" />
        <source>Confirmed (no change)</source>
        <translation>確認済み（変更なし）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="194" />
        <source>Change roles or scope</source>
        <translation>役割・担当範囲の変更が必要</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="195" />
        <source>Disable the account</source>
        <translation>無効化が必要</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="213" />
        <source>Enter the day of the review.</source>
        <translation>棚卸しの実施日を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/account_review_tab.py" line="220" />
        <source>The review was recorded (%1 accounts to change).</source>
        <translation>棚卸しを記録しました（変更・無効化が必要なアカウント：%1件）。</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="74" />
        <source>Approve the deletion run</source>
        <translation>削除の実行計画の承認</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="80" />
        <source>Why one person approves</source>
        <translation>一人で承認する理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="83" />
        <source>Your password</source>
        <translation>ご自分のパスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="85" />
        <source>Reason for approving alone *</source>
        <translation>一人で承認する理由 *</translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="148" />
        <source>Where the numbers are handled</source>
        <translation>管理区域と取扱区域</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="151" />
        <source>Describe the 管理区域 (where the files are kept) and the 取扱区域 (where the work is done). They are printed in the management ledger.</source>
        <translation>管理区域（特定個人情報ファイルを保管する場所）と取扱区域（事務を行う場所）を記入してください。管理台帳に記載されます。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="158" />
        <source>e.g. 事務室内の施錠できる書庫と、このPCを置く総務担当の席</source>
        <translation>例：事務室内の施錠できる書庫と、このPCを置く総務担当の席</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="163" />
        <source>e.g. 総務担当の執務席（来客から画面が見えない位置、のぞき見防止フィルター）</source>
        <translation>例：総務担当の執務席（来客から画面が見えない位置、のぞき見防止フィルター）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="170" />
        <source>管理区域</source>
        <translation>管理区域</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="171" />
        <source>取扱区域</source>
        <translation>取扱区域</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="174" />
        <source>Create the office data</source>
        <translation>データを作成</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/models/audit_table_model.py" line="49" />
        <source>Entry no.</source>
        <translation>通し番号</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table_model.py" line="50" />
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table_model.py" line="51" />
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table_model.py" line="52" />
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table_model.py" line="53" />
        <source>Concerning</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table_model.py" line="54" />
        <source>Details</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="303" />
        <source>Deletion certificate received</source>
        <translation>削除証明の受領</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="304" />
        <source>Keep the certificate</source>
        <translation>保存する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="309" />
        <source>e.g. Deletion of the 2025 payroll data</source>
        <translation>例：2025年分の給与データの削除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="314" />
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="320" />
        <source>Received on</source>
        <translation>受領日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="321" />
        <source>What it certifies</source>
        <translation>証明の内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="322" />
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="325" />
        <source>A PDF, PNG or JPEG file of up to 10 MB. It is copied into the encrypted database; keep or delete the original as your rules say.</source>
        <translation>PDF・PNG・JPEGの10 MBまでのファイルです。暗号化されたデータベースに取り込みます。元のファイルは社内の規程に従って保管または削除してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="340" />
        <source>Deletion certificate</source>
        <translation>削除証明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="342" />
        <source>PDF or images (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>PDF・画像（*.pdf *.png *.jpg *.jpeg）</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="176" />
        <source>Add a certificate…</source>
        <translation>削除証明を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="178" />
        <source>View</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="183" />
        <source>Received on</source>
        <translation>受領日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="184" />
        <source>What it certifies</source>
        <translation>証明の内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="185" />
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="186" />
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="187" />
        <source>Kept by</source>
        <translation>保存者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="194" />
        <source>Certificates of deletion or disposal received from the consignee (規程第15条⑤). Kept in the encrypted database only; viewing one is recorded.</source>
        <translation>委託先から受け取った削除・廃棄の証明です（規程第15条⑤）。暗号化されたデータベースの中だけに保存し、表示した記録が残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="227" />
        <source>The certificate was kept.</source>
        <translation>削除証明を保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="245" />
        <source>Deletion certificate</source>
        <translation>削除証明</translation>
    </message>
</context>
<context>
    <name>ChannelPage</name>
    <message>
        <location filename="../../ui/verification_pages.py" line="302" />
        <source>How is the number received?</source>
        <translation>番号の受け取り方</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="320" />
        <source>This employee's identity was checked at hiring (e.g. with a driving licence) and I know them in person</source>
        <translation>この従業員は入社時に運転免許証などで本人確認をしており、担当者（私）が本人を知っている</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../ui/import_check_page.py" line="62" />
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="65" />
        <source>Every row is checked first. Nothing is imported while any row has a problem: correct the file and check again. People already registered are updated, never deleted.</source>
        <translation>すべての行を先に確認します。問題のある行が1つでもあれば何も取り込みません。ファイルを直して、もう一度確認してください。登録済みの人は更新するだけで、削除はしません。</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="75" />
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="77" />
        <source>Check again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="81" />
        <source>Put back the leading 0 of 11-digit My Numbers (only where the check digit then agrees)</source>
        <translation>11桁の個人番号に先頭の「0」を補う（補った番号の検査用数字が合う場合だけ取り込みます）</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="88" />
        <source>The people found by name and birth date are the registered ones</source>
        <translation>氏名と生年月日で見つかった人を、登録済みの同じ人として扱う</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="92" />
        <location filename="../../ui/import_check_page.py" line="96" />
        <location filename="../../ui/import_check_page.py" line="106" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="92" />
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="97" />
        <location filename="../../ui/import_check_page.py" line="106" />
        <source>Person</source>
        <translation>対象者</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="98" />
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="99" />
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="100" />
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="106" />
        <source>To look at</source>
        <translation>確認すること</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="130" />
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="192" />
        <source>Only the first %1 problems are listed; %2 more are not shown. Correct these first, then check again.</source>
        <translation>最初の%1件の問題だけを表示しています（ほかに%2件あります）。まず表示されている問題を直してから、もう一度確認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="200" />
        <source>Problems (%1)</source>
        <translation>問題（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="203" />
        <source>Found by name and birth date: confirm it is the same person</source>
        <translation>氏名と生年月日で登録済みの人と一致しました。同じ人か確認してください</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="206" />
        <source>My Number differs: correct it by hand</source>
        <translation>登録済みの個人番号と違います。取込みでは変更しません（手作業で訂正してください）</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="212" />
        <source>To look at (%1)</source>
        <translation>要確認（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="218" />
        <source>Changes (%1)</source>
        <translation>更新内容（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="229" />
        <source>%1 rows checked: no problems. People: %2 new, %3 to update, %4 unchanged. Confirm the people found by name and birth date, then import.</source>
        <translation>%1行を確認しました。問題はありません。新規 %2人、更新 %3人、変更なし %4人です。氏名と生年月日で見つかった人を確認してから取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="234" />
        <source>%1 rows checked: no problems. People: %2 new, %3 to update, %4 unchanged. Import them?</source>
        <translation>%1行を確認しました。問題はありません。新規 %2人、更新 %3人、変更なし %4人です。取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../ui/import_check_page.py" line="222" />
        <source>%1 rows checked: %2 problems. Nothing will be imported.</source>
        <translation>%1行を確認しました。問題が%2件あるため、取り込みません。</translation>
    </message>
</context>
<context>
    <name>CheckResultPage</name>
    <message>
        <location filename="../../ui/check_wizard.py" line="76" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/check_wizard.py" line="86" />
        <source>Note</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>CheckWizard</name>
    <message>
        <location filename="../../ui/check_wizard.py" line="38" />
        <source>Record</source>
        <translation>記録する</translation>
    </message>
</context>
<context>
    <name>ChecklistBoxes</name>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="53" />
        <source>By an act with an unlawful purpose, or unlawful use or provision (theft, unauthorised access, ransomware, an employee taking data out) — item 2</source>
        <translation>不正の目的をもって行われたおそれがある行為によるもの（盗難、不正アクセス、ランサムウェア、従業者による持出しなど）— 第2号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="60" />
        <source>Made viewable by an unspecified number of people electronically — item 3</source>
        <translation>電磁的方法により不特定多数の者に閲覧されたおそれがあるもの — 第3号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="66" />
        <source>In the information-provision network or a system of a number-using body — item 1 (not usual for an employer)</source>
        <translation>情報提供ネットワークシステム又は個人番号利用事務実施者のシステムで発生したもの — 第1号（通常の事業者は該当しません）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="73" />
        <source>The data were protected by high-grade encryption (the key not lost)</source>
        <translation>高度な暗号化等の秘匿化がされていた（鍵は漏えいしていない）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="78" />
        <source>Everything was retrieved before anyone else could see it (leak only)</source>
        <translation>第三者に閲覧される前にすべて回収した（漏えいの場合のみ）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="86" />
        <source> persons</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="89" />
        <source>Tick what occurred or possibly occurred.</source>
        <translation>発生した、又は発生したおそれがあるものにチェックを付けてください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="96" />
        <source>Persons concerned (the largest possible number if uncertain):</source>
        <translation>本人の数（確定していない場合は最大の人数）：</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="72" />
        <source>Compare the details</source>
        <translation>記載事項の照合</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="75" />
        <source>Compare the name and the birth date or address on the documents (and on the power of attorney or our record) with each other.</source>
        <translation>書類（代理人のときは委任状、電話のときは前の記録も）に書かれた氏名と、生年月日または住所が同じかを見比べてください。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="80" />
        <source>On record: %1</source>
        <translation>登録されている内容（参考）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="83" />
        <source>One My Number Card gives both checks: there is no second document to compare it with. Check its photo against the face and its expiry; comparing the details with our record is optional.</source>
        <translation>個人番号カード1枚で番号確認と身元確認ができるため、ほかの書類と見比べる照合は要りません。顔写真と来た人の顔、有効期限を確かめてください。登録内容との照合は任意です。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="91" />
        <source>Compared</source>
        <translation>照合した項目</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="95" />
        <source>Same</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="95" />
        <source>Differs</source>
        <translation>相違</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="95" />
        <source>Not compared</source>
        <translation>照合しない</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="101" />
        <source>What differs (e.g. old address)</source>
        <translation>違いの内容（例：旧住所）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="111" />
        <source>The name and the birth date never differ for the same person. An address may (a move, an old address on a licence): with the name and the birth date the same, note what differs and the check can go on.</source>
        <translation>同じ人なら、氏名と生年月日は書類の間で違うことはありません。住所は転居や免許証の旧住所などで違うことがあります。氏名と生年月日が一致していれば、違いの内容を書いて確認を続けられます。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="118" />
        <source>Photo and face (in person)</source>
        <translation>顔写真と顔の照合（対面）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="121" />
        <source>Same person</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="121" />
        <source>Does not match</source>
        <translation>一致しない</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="121" />
        <source>Not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="136" />
        <source>A photo that is not the person who came stops the whole check: no other document can make up for it. Do not take the number; tell the manager.</source>
        <translation>顔写真が来た人と一致しない場合は、本人確認全体を中止します。ほかの書類で補うことはできません。番号は受け取らず、事務取扱責任者に相談してください。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="170" />
        <source>The person's photo (%1) against the face of the person who came</source>
        <translation>本人の%1の顔写真と、来た本人の顔</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="173" />
        <source>The person's photo (%1) against the person's face, if the person came too</source>
        <translation>本人の%1の顔写真と、本人の顔（本人も来ている場合）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="176" />
        <source>The agent's photo (%1) against the face of the agent who came</source>
        <translation>代理人の%1の顔写真と、来た代理人の顔</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="221" />
        <source>Say for each detail you compared whether it is the same.</source>
        <translation>照合した項目ごとに、一致か相違かを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_compare_page.py" line="223" />
        <source>Write what differs: %1.</source>
        <translation>%1の違いの内容を書いてください。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="226" />
        <source>Compare with the request form</source>
        <translation>請求書との照合</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="227" />
        <source>Put the documents beside the request form and tick what agrees.</source>
        <translation>書類を請求書と並べて照らし合わせ、一致したものにチェックを入れてください。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="238" />
        <source>If something does not agree, do not go on: ask the requester, and record the request as withdrawn if it is not put right.</source>
        <translation>一致しないものがあれば先へ進まず、請求者に問い合わせてください。正されないときは、請求を取下げとして記録します。</translation>
    </message>
</context>
<context>
    <name>ComplianceTab</name>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="134" />
        <source>For each article of the office's two regulations: what the program does and where. Articles the program cannot serve are left to the office (運用で対応). The same table is printed with the self-inspection report.</source>
        <translation>事業所の二つの規程の条項ごとに、本プログラムが行うことと、その画面を示します。プログラムでは扱えない条項は「運用で対応」としています。同じ表を自己点検報告書にも印刷します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="144" />
        <source>Regulation</source>
        <translation>規程</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="145" />
        <source>Article</source>
        <translation>条項</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="146" />
        <source>Subject</source>
        <translation>見出し</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="147" />
        <source>What is done</source>
        <translation>本プログラムの対応</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="148" />
        <source>Where</source>
        <translation>画面</translation>
    </message>
</context>
<context>
    <name>ConfirmPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="50" />
        <source>Confirm with your password</source>
        <translation>パスワードの再入力</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="51" />
        <source>To %1, enter your own password again.</source>
        <translation>%1には、ご自分のパスワードをもう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>ConsigneeDialog</name>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="114" />
        <source>Register a consignee</source>
        <translation>委託先の登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="114" />
        <source>Edit the consignee</source>
        <translation>委託先の編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="115" />
        <source>Register</source>
        <translation>登録する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="115" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="118" />
        <source>e.g. ○○給与計算センター株式会社</source>
        <translation>例：○○給与計算センター株式会社</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="119" />
        <source>13 digits (optional)</source>
        <translation>13桁（任意）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="121" />
        <source>Phone, person in charge</source>
        <translation>電話番号、担当者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="133" />
        <source>e.g. Payroll and year-end adjustment</source>
        <translation>例：給与計算・年末調整</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="134" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="135" />
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="136" />
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="137" />
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="138" />
        <source>Work consigned (事務)</source>
        <translation>委託する事務</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="139" />
        <source>What is consigned</source>
        <translation>委託する業務の内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="151" />
        <source>Company data only. A consignee handles My Numbers only after the selection check and the contract are recorded and it is approved.</source>
        <translation>会社の情報だけを登録します。個人番号を扱わせるのは、選定の確認と契約を記録し、承認した後です。</translation>
    </message>
</context>
<context>
    <name>ConsigneesPage</name>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="75" />
        <source>Consignees that handle My Numbers for the office: select them on six points, contract the ten clauses, approve, and hear them every April (規程第42–43条).</source>
        <translation>個人番号を扱う事務を委託する先です。6項目で選定し、10項目を盛り込んだ契約を結んでから承認し、毎年4月に点検（ヒアリング）を行います（規程第42条・第43条）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="81" />
        <source>Register…</source>
        <translation>登録…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="86" />
        <source>Consignee register (PDF)…</source>
        <translation>委託先管理表（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="96" />
        <location filename="../../ui/pages/consignees_page.py" line="266" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="97" />
        <source>Consignee</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="98" />
        <source>Work consigned</source>
        <translation>委託する事務</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="99" />
        <location filename="../../ui/pages/consignees_page.py" line="116" />
        <source>Contract</source>
        <translation>契約</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="100" />
        <source>April hearing</source>
        <translation>4月の点検</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="112" />
        <source>Basic data</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="114" />
        <source>Selection</source>
        <translation>選定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="118" />
        <source>Sub-consignees</source>
        <translation>再委託</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="120" />
        <source>Hearings</source>
        <translation>点検（ヒアリング）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="122" />
        <source>Deletion certificates</source>
        <translation>削除証明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="124" />
        <source>Consignees</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="144" />
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="149" />
        <source>Approve from this day</source>
        <translation>この日から承認</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="151" />
        <source>End the consignment…</source>
        <translation>委託を終了…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="155" />
        <source>Approval day:</source>
        <translation>承認日：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="250" />
        <source>Select a consignee.</source>
        <translation>委託先を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="260" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="261" />
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="262" />
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="263" />
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="264" />
        <source>Work consigned (事務)</source>
        <translation>委託する事務</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="265" />
        <source>What is consigned</source>
        <translation>委託する業務の内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="271" />
        <source>Approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="276" />
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="283" />
        <source>Not yet approvable. Missing:</source>
        <translation>まだ承認できません。不足している項目：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="289" />
        <source>All six points and ten clauses are met: it may be approved.</source>
        <translation>選定の6項目と契約の10項目をすべて満たしています。承認できます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="328" />
        <source>Registered. Record the selection check and the contract next.</source>
        <translation>登録しました。続けて選定の確認と契約を記録してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="339" />
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="344" />
        <source>Enter the day of the approval.</source>
        <translation>承認日を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="349" />
        <source>Approved: the consignee may now be given the consigned work.</source>
        <translation>承認しました。この委託先に委託する事務を任せられます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="361" />
        <source>The consignment was ended. Record the deletion certificate when it comes.</source>
        <translation>委託を終了しました。削除証明を受け取ったら記録してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignees_page.py" line="369" />
        <source>Consignee register</source>
        <translation>委託先管理表</translation>
    </message>
</context>
<context>
    <name>ContractTab</name>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="178" />
        <source>Tick the clauses the consignment contract holds (規程第42条第4項).</source>
        <translation>委託契約に盛り込まれている規定にチェックを付けてください（規程第42条第4項）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="189" />
        <source>e.g. 1 year, renewed automatically</source>
        <translation>例：1年（自動更新）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="190" />
        <source>Save the contract</source>
        <translation>契約を保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="195" />
        <source>Contract date:</source>
        <translation>契約日：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="197" />
        <source>Term:</source>
        <translation>契約期間：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="215" />
        <source>Last recorded by %1.</source>
        <translation>最終記録者：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="225" />
        <source>Enter the contract date.</source>
        <translation>契約日を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="230" />
        <source>The contract was saved.</source>
        <translation>契約を保存しました。</translation>
    </message>
</context>
<context>
    <name>CorrectionsDialog</name>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="30" />
        <source>Correction records — %1</source>
        <translation>訂正の記録 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="35" />
        <source>Changed at</source>
        <translation>変更日時</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="36" />
        <source>By</source>
        <translation>変更者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="37" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="38" />
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="39" />
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="40" />
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="50" />
        <source>No corrections have been recorded for this person.</source>
        <translation>この対象者の訂正の記録はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/corrections_dialog.py" line="55" />
        <source>Kept for at least one year after each change. A My Number is never shown here.</source>
        <translation>訂正の記録は変更から少なくとも1年間保存します。個人番号はここに表示されません。</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <location filename="../../ui/widgets/log_charts.py" line="79" />
        <source>Per day</source>
        <translation>日別</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="107" />
        <source>Record a backup destroyed by hand…</source>
        <translation>手作業で破棄したバックアップを記録…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="61" />
        <source>My Numbers waiting for an identity check</source>
        <translation>本人確認待ちの個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="62" />
        <source>Check identities…</source>
        <translation>本人確認を行う…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="68" />
        <source>Deletions waiting for your approval</source>
        <translation>あなたの承認待ちの削除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="69" />
        <location filename="../../ui/pages/dashboard_page.py" line="78" />
        <source>Open the deletion runs</source>
        <translation>削除の実行計画を開く</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="77" />
        <source>Approved deletions to execute</source>
        <translation>実行待ちの削除（承認済み）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="86" />
        <source>Requests from individuals</source>
        <translation>開示等の請求</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="87" />
        <source>Open the requests</source>
        <translation>請求の一覧を開く</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="93" />
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="93" />
        <source>Back up now…</source>
        <translation>今すぐバックアップ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="99" />
        <source>Staff accounts</source>
        <translation>職員アカウント</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="100" />
        <source>Open the staff accounts</source>
        <translation>職員管理を開く</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="106" />
        <source>Old backups to destroy</source>
        <translation>破棄が必要な古いバックアップ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="113" />
        <source>Outputs to confirm</source>
        <translation>結果の確認が済んでいない持出し・出力</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="114" />
        <source>Open the outputs register</source>
        <translation>持出し・出力記録を開く</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="245" />
        <source>Nothing to do.</source>
        <translation>対応が必要なものはありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="248" />
        <source>%1 items</source>
        <translation>%1件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="254" />
        <source>Registered in your groups without an identity check (本人確認) yet. Check the documents before using them.</source>
        <translation>あなたの担当範囲で、本人確認がまだ済んでいない個人番号です。書類で本人確認を行ってから利用してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="266" />
        <source>Papers or files with My Numbers whose result (submitted, handed over, destroyed or returned) is not recorded yet, past the days set.</source>
        <translation>個人番号を記載した書類・ファイルのうち、設定した日数を過ぎても結果（提出・交付・廃棄・返却）が記録されていないものです。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="282" />
        <source>Deletion runs proposed by another member. Check what they delete and approve them with your password.</source>
        <translation>ほかの職員が提案した削除の実行計画です。削除する内容を確認し、パスワードを入力して承認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="294" />
        <source>Approved deletion runs. Executing one erases the numbers for good and leaves the deletion records.</source>
        <translation>承認済みの削除の実行計画です。実行すると個人番号を復元できないように消去し、削除・廃棄の記録を残します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="306" />
        <source>Waiting for an answer: %1 (past the target: %2).</source>
        <translation>回答待ち：%1件（うち回答の目標日を過ぎたもの：%2件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="312" />
        <source>Request files past the years they are kept: %1. Discard them.</source>
        <translation>保存期間を過ぎた請求の記録：%1件。廃棄してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="331" />
        <source>None yet</source>
        <translation>未実施</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="333" />
        <source>No backup has been made yet. Make one now, and then every %1 days.</source>
        <translation>まだバックアップを作成していません。今すぐ作成し、以後は%1日ごとに作成してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="340" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="340" />
        <source>%1 days ago</source>
        <translation>%1日前</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="343" />
        <source>Last backup: %1
Next one due: %2 (every %3 days)
That day has passed.</source>
        <translation>最後のバックアップ：%1
次回の目安：%2（%3日ごと）
目安の日を過ぎています。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="348" />
        <source>Last backup: %1
Next one due: %2 (every %3 days)
That day is today.</source>
        <translation>最後のバックアップ：%1
次回の目安：%2（%3日ごと）
今日が目安の日です。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="352" />
        <source>Nothing to do.
Last backup: %1
Next one due: %2 (every %3 days)</source>
        <translation>対応が必要なものはありません。
最後のバックアップ：%1
次回の目安：%2（%3日ごと）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="366" />
        <source>Locked after failed sign-ins: %1</source>
        <translation>アカウントがロックされている職員：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="370" />
        <source>Waiting to set their own password: %1</source>
        <translation>パスワードの設定待ち：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="373" />
        <source>%1 people</source>
        <translation>%1人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="382" />
        <source>Past their generation but out of reach, so not destroyed: they may still hold deleted My Numbers. Destroy them by hand: %1</source>
        <translation>世代交代で削除するはずが保存先に見つからず、削除できなかったバックアップです。削除済みの個人番号が含まれている可能性があります。手作業で破棄してください：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="438" />
        <source>Back up to which folder?</source>
        <translation>バックアップの保存先フォルダー</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="447" />
        <source>Backup made</source>
        <translation>バックアップ完了</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="448" />
        <source>The backup was written and checked: %1</source>
        <translation>バックアップを作成し、読み戻して確認しました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="460" />
        <source>Backup destroyed by hand</source>
        <translation>手作業で破棄したバックアップ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="461" />
        <source>Which backup did you destroy (deleted, or the drive wiped)?</source>
        <translation>どのバックアップを破棄しましたか（ファイルの削除、または媒体の消去）？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="202" />
        <source>Signed in: %1 (%2)</source>
        <translation>サインイン中：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="53" />
        <source>This is a demo folder. Do not enter real My Numbers.</source>
        <translation>デモ用のデータです。実際の個人番号は登録しないでください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="241" />
        <source>Access log entries: %1</source>
        <translation>アクセス記録：%1件</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="55" />
        <source>e.g. 2026年4月1日</source>
        <translation>例：2026年4月1日</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="211" />
        <source>Decide: %1</source>
        <translation>決定：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="218" />
        <source>Grounds (for a partial or refused decision)</source>
        <translation>根拠（一部開示・不開示などのとき）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="233" />
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="234" />
        <source>Reason (explained in the notice)</source>
        <translation>理由（通知書で説明します）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="235" />
        <source>Not disclosed (partial)</source>
        <translation>開示しない部分（一部開示）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="266" />
        <source>Enter what is not disclosed.</source>
        <translation>開示しない部分を入力してください。</translation>
    </message>
</context>
<context>
    <name>DeletionChart</name>
    <message>
        <location filename="../../ui/widgets/deletion_chart.py" line="54" />
        <source>Numbers that may be deleted</source>
        <translation>削除できる個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/deletion_chart.py" line="63" />
        <source>Numbers becoming deletable by month (the first bar: due now)</source>
        <translation>月ごとの削除できるようになる個人番号の件数（左端：今すぐ削除できるもの）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/deletion_chart.py" line="65" />
        <source>Now</source>
        <translation>今</translation>
    </message>
</context>
<context>
    <name>DeletionRecordsTab</name>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="52" />
        <source>Deleted on</source>
        <translation>削除日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="53" />
        <source>Person</source>
        <translation>対象者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="54" />
        <source>Why</source>
        <translation>理由・根拠</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="55" />
        <source>Proposed by</source>
        <translation>提案者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="56" />
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="57" />
        <source>Executed by</source>
        <translation>実行者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="58" />
        <source>Paper to shred</source>
        <translation>廃棄する紙の書類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="86" />
        <source>e.g. General Affairs</source>
        <translation>例：総務部</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="90" />
        <source>The department that handles My Numbers, printed on the deletion ledger. The manager sets it; it is saved when the ledger is made.</source>
        <translation>個人番号を取り扱う部署です。削除・廃棄記録簿に記載します。特定個人情報管理責任者が入力し、記録簿を作成したときに保存されます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="94" />
        <source>Ledger (PDF)…</source>
        <translation>記録簿（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="98" />
        <source>Deletion certificate…</source>
        <translation>削除証明書…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="102" />
        <source>Paper shredded</source>
        <translation>紙の書類を廃棄した</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="105" />
        <source>Record that the paper documents listed for this person were shredded.</source>
        <translation>この人について挙げた紙の書類を裁断（廃棄）したことを記録します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="110" />
        <source>Deletion records keep who proposed, approved and executed each deletion, when and why; never the number.</source>
        <translation>削除・廃棄の記録には、誰が提案・承認・実行したか、いつ・なぜ削除したかを残し、個人番号は残しません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="116" />
        <source>Handling department</source>
        <translation>取扱部署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="118" />
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="143" />
        <source> (shredded)</source>
        <translation>（廃棄済み）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="185" />
        <source>Enter the period as dates, e.g. 2026-04-01.</source>
        <translation>期間を 2026-04-01 のように日付で入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="197" />
        <location filename="../../ui/pages/deletion_records_tab.py" line="198" />
        <source>Deletion ledger</source>
        <translation>削除・廃棄記録簿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="210" />
        <location filename="../../ui/pages/deletion_records_tab.py" line="211" />
        <source>Deletion certificate</source>
        <translation>削除証明書</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deletion_records_tab.py" line="232" />
        <source>Recorded that the paper was shredded.</source>
        <translation>紙の書類の廃棄を記録しました。</translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="288" />
        <source>Discard request files past their keeping period</source>
        <translation>保存期間を過ぎた請求の記録の廃棄</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="292" />
        <source>These files were closed or withdrawn and are past the years they are kept (settings). Discarding deletes each request and its history for good; the access log keeps that it was discarded, without the names.</source>
        <translation>次の記録は完了又は取下げ後、保存期間（設定）を過ぎています。廃棄すると、請求の内容と経過は元に戻せない形で削除されます。アクセス記録には、氏名を含めずに廃棄したことだけが残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="302" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="303" />
        <source>Request</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="304" />
        <source>Requester (person)</source>
        <translation>請求者（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="305" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="306" />
        <source>Kept until</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="325" />
        <source>Your password</source>
        <translation>あなたのパスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="328" />
        <source>Discard %1 files</source>
        <translation>%1件を廃棄する</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="81" />
        <source>Received as</source>
        <translation>受け取った形</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="87" />
        <source>Valid until *</source>
        <translation>有効期限 *</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="92" />
        <source>Issued on *</source>
        <translation>交付日 *</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="100" />
        <source>Name, address etc. on it are the same as now (no change)</source>
        <translation>記載の氏名・住所などが今の住民票と同じ（変更がない）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="102" />
        <source>Changed before 2020-05-25, the change written on the back by the municipality, and the same as now</source>
        <translation>2020年5月25日より前の変更が市区町村により裏面に記載され、今の住民票と同じ</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="106" />
        <source>Changed since (or an earlier change not written on it by the municipality)</source>
        <translation>変更がある（2020年5月25日以降の変更、または市区町村の記載のない変更）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="119" />
        <source>The card was abolished on 2020-05-25 and counts only while its details match the resident record. A change made before that day counts if the municipality wrote it on the card; any change since makes it unusable.</source>
        <translation>通知カードは2020年5月25日に廃止され、記載事項が今の住民票と同じ場合に限り使えます。それより前の変更は、市区町村がカードに記載（裏書き）していれば使えます。それ以降に変更があったものは使えません。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="132" />
        <source>(details entered above)</source>
        <translation>（詳細は上の欄で入力）</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/requester_wizard.py" line="152" />
        <location filename="../../ui/verification_documents_page.py" line="185" />
        <source>Which documents did you see?</source>
        <translation>確認した書類</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="155" />
        <source>Tick what you checked. One document of each list is enough; ask for no more than needed (個人情報保護法第37条第4項).</source>
        <translation>確かめたものにチェックを入れてください。各欄とも1点で足ります。必要以上の書類は求めないでください（個人情報保護法第37条第4項）。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="181" />
        <source>The answer goes by registered post to the address on the copy</source>
        <translation>回答は、本人確認書類の写しに書かれた住所あてに書留郵便で送る</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="188" />
        <source>Not to be taken</source>
        <translation>受け取ってはいけないもの</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="190" />
        <source>The back of a My Number card (or a copy) was received</source>
        <translation>個人番号カードの裏面（又はその写し）を受け取った</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="215" />
        <source>✘ not checked yet</source>
        <translation>✘ 未確認</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="187" />
        <source>Tick every document you checked. Only the lists that apply are shown.</source>
        <translation>確認した書類をすべてチェックしてください。この場合に必要な確認の一覧だけを表示しています。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="313" />
        <source>Only when: %1 (%2)</source>
        <translation>使えるのは次の場合だけです：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="331" />
        <source>Why (kept in the record)</source>
        <translation>理由（記録に残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_documents_page.py" line="334" />
        <source>Why could the usual document not be given? *</source>
        <translation>通常の書類を出せなかった理由 *</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../ui/import_check_page.py" line="260" />
        <source>Imported</source>
        <translation>取込み完了</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <location filename="../../ui/models/due_table_model.py" line="29" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/models/due_table_model.py" line="30" />
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/models/due_table_model.py" line="31" />
        <source>Code / department</source>
        <translation>コード・部署</translation>
    </message>
    <message>
        <location filename="../../ui/models/due_table_model.py" line="32" />
        <source>May be deleted from</source>
        <translation>削除できる日</translation>
    </message>
    <message>
        <location filename="../../ui/models/due_table_model.py" line="33" />
        <source>Deciding reason</source>
        <translation>日付を決めている理由</translation>
    </message>
    <message>
        <location filename="../../ui/models/due_table_model.py" line="69" />
        <source>In use</source>
        <translation>利用中</translation>
    </message>
</context>
<context>
    <name>EmployeeFormPage</name>
    <message>
        <location filename="../../ui/verification_pages.py" line="166" />
        <source>The employee's form</source>
        <translation>従業員の申告書・届出書</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="168" />
        <source>On which of %1's forms did this number come?</source>
        <translation>この番号は、%1さんのどの申告書・届出書に書かれていましたか。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="174" />
        <source>The employee checked this person's identity, as the law asks of the one who files the form. The record keeps the employee, the form and its year.</source>
        <translation>この方の本人確認は、申告書・届出書を出す従業員がしています。記録には、その従業員と書類、何年分かを残します。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="186" />
        <source>Form</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="187" />
        <source>For the year</source>
        <translation>年分</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="362" />
        <source>End the consignment</source>
        <translation>委託の終了</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="362" />
        <source>End it</source>
        <translation>終了する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="367" />
        <source>e.g. Contract ended; the data were returned and a certificate is awaited</source>
        <translation>例：契約満了。データは返却済みで、削除証明の受領待ち</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="369" />
        <source>Consignee</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="370" />
        <source>Ended on</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="371" />
        <source>Return or disposal</source>
        <translation>返却・廃棄</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="23" />
        <source>An unexpected error occurred. The data already saved is safe. Please tell the person responsible for this PC; details were written to the log.</source>
        <translation>予期しないエラーが発生しました。保存済みのデータは失われていません。このPCの管理者に連絡してください（詳細はログに記録しました）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="56" />
        <source>Data in use</source>
        <translation>データを使用中です</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="66" />
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="92" />
        <source>Could not complete</source>
        <translation>処理できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="101" />
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
</context>
<context>
    <name>EventDetails</name>
    <message>
        <location filename="../../ui/widgets/event_details.py" line="50" />
        <source>Choose an entry to see it in full here.</source>
        <translation>記録を選ぶと、ここに詳しい内容が表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/event_details.py" line="57" />
        <source>Entry no.</source>
        <translation>通し番号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/event_details.py" line="58" />
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/event_details.py" line="59" />
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/event_details.py" line="60" />
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/event_details.py" line="63" />
        <source>Concerning</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/event_details.py" line="64" />
        <source>Kind of person or record</source>
        <translation>対象の区分</translation>
    </message>
</context>
<context>
    <name>ExportPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/pdf_export.py" line="94" />
        <source>Password of the PDF</source>
        <translation>PDFのパスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_export.py" line="97" />
        <source>%1 was saved encrypted. It opens only with this password. Send the password separately from the file (by phone or another e-mail). It is not shown again and the program does not keep it.</source>
        <translation>%1 を暗号化して保存しました。このパスワードでしか開けません。パスワードはファイルとは別の手段（電話や別のメールなど）でお伝えください。パスワードは再表示できず、プログラムにも保存されません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_export.py" line="107" />
        <source>Copy the password</source>
        <translation>パスワードをコピー</translation>
    </message>
</context>
<context>
    <name>FamilyBox</name>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="31" />
        <location filename="../../ui/widgets/family_box.py" line="61" />
        <source>Dependents</source>
        <translation>扶養親族</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="36" />
        <source>Relation</source>
        <translation>続柄</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="36" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="36" />
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="36" />
        <source>My Number</source>
        <translation>個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="48" />
        <source>Double-click a dependent to open their page.</source>
        <translation>ダブルクリックでその扶養親族のページを開きます。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="50" />
        <source>Add dependent…</source>
        <translation>扶養親族を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="59" />
        <source>Dependents (%1)</source>
        <translation>扶養親族（%1人）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_box.py" line="66" />
        <source>Outside your scope</source>
        <translation>担当範囲外</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../ui/file_dialogs.py" line="56" />
        <source>Look in:</source>
        <translation>場所:</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialogs.py" line="60" />
        <source>Files of type:</source>
        <translation>ファイルの種類:</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/import_pages.py" line="63" />
        <source>Choose the file</source>
        <translation>ファイルの選択</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="66" />
        <source>A CSV (UTF-8 or Shift_JIS, as payroll software writes it) or an Excel .xlsx file with one person per row.</source>
        <translation>1行に1人ずつ記載したCSV（給与ソフトが出力するUTF-8またはShift_JIS）か、Excelの .xlsx ファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="73" />
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="90" />
        <source>File to import</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="90" />
        <source>CSV or Excel (*.csv *.txt *.xlsx)</source>
        <translation>CSV・Excelファイル (*.csv *.txt *.xlsx)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="226" />
        <source>MyNumber Desk — set-up</source>
        <translation>マイナンバー管理デスク － 初期設定</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="255" />
        <source>Creating the encrypted data…</source>
        <translation>暗号化したデータを作成しています…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="291" />
        <source>%2 also does the My Number work and can register people and import a list at once. When other staff take over the work, add them under Staff and remove the role 事務取扱担当者 from this account.</source>
        <translation>%2 さんは事務取扱担当者を兼ね、すぐに対象者の登録や一覧の取込みができます。事務を別の職員に任せるときは「職員管理」で追加し、このアカウントから事務取扱担当者の役割を外してください。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="297" />
        <source>Next: add the staff who handle My Numbers under Staff, with their tasks and groups of people.</source>
        <translation>次に、「職員管理」で個人番号を取り扱う職員を、担当する事務と対象者とともに追加してください。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="302" />
        <source>The office data for %1 was created. %2 is the manager.</source>
        <translation>%1 のデータを作成しました。管理責任者は %2 さんです。</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="181" />
        <source>Record a hearing</source>
        <translation>点検（ヒアリング）の記録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="181" />
        <source>Record the hearing</source>
        <translation>記録する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="185" />
        <source>The yearly April hearing</source>
        <translation>毎年4月の点検</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="186" />
        <source>An extra hearing (as needed)</source>
        <translation>随時の点検（必要に応じて）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="191" />
        <source> (year)</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="197" />
        <source>Adequate</source>
        <translation>適切</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="198" />
        <source>Needs improvement</source>
        <translation>要改善</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="201" />
        <source>What was checked, e.g. access control, staff training, disposal records</source>
        <translation>確認した内容（例：アクセス管理、従業者の教育、廃棄の記録）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="205" />
        <source>The improvement asked for and when it is checked (needed for 要改善)</source>
        <translation>求めた改善と確認の時期（要改善の場合は必須）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="210" />
        <source>Hearing</source>
        <translation>点検</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="211" />
        <source>Held on</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="212" />
        <source>Held by</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="213" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="214" />
        <source>What was checked</source>
        <translation>確認した内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="215" />
        <source>Follow-up</source>
        <translation>改善の求め・対応</translation>
    </message>
</context>
<context>
    <name>HearingsCard</name>
    <message>
        <location filename="../../ui/widgets/hearings_card.py" line="26" />
        <source>Consignee hearings (every April)</source>
        <translation>委託先の点検（毎年4月）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/hearings_card.py" line="27" />
        <source>Open the consignees</source>
        <translation>委託先を開く</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/hearings_card.py" line="48" />
        <location filename="../../ui/widgets/hearings_card.py" line="61" />
        <source>%1 items</source>
        <translation>%1件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/hearings_card.py" line="48" />
        <source>Nothing to do.</source>
        <translation>対応が必要なものはありません。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/hearings_card.py" line="54" />
        <source> and %1 more</source>
        <translation> ほか%1件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/hearings_card.py" line="56" />
        <source>Past the due day (%1). Hear them and record the result.</source>
        <translation>期限（%1）を過ぎています。ヒアリングを行い、結果を記録してください。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/hearings_card.py" line="58" />
        <source>Hear them by %1 and record the result.</source>
        <translation>%1までにヒアリングを行い、結果を記録してください。</translation>
    </message>
</context>
<context>
    <name>HearingsTab</name>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="104" />
        <source>Record a hearing…</source>
        <translation>点検を記録…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="109" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="110" />
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="111" />
        <source>Held on</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="112" />
        <source>Held by</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="113" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="114" />
        <source>What was checked / follow-up</source>
        <translation>確認した内容／改善の求め・対応</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="125" />
        <source>%1: held</source>
        <translation>%1年：実施済み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="128" />
        <source>Overdue (due %1)</source>
        <translation>期限超過（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="129" />
        <source>Due by %1</source>
        <translation>%1まで</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="152" />
        <source>No April hearing is owed now (every April once approved).</source>
        <translation>現在、実施すべき4月の点検はありません（承認後、毎年4月に実施します）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="155" />
        <source>This year's April hearing: %1</source>
        <translation>今年度の4月の点検：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="168" />
        <source>The hearing was recorded.</source>
        <translation>点検の結果を記録しました。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="45" />
        <source>Import people</source>
        <translation>対象者の取込み</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="84" />
        <source>Reading…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="155" />
        <source>Stopping… This window closes as soon as it has stopped.</source>
        <translation>中止しています…。止まりしだい、この画面を閉じます。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="157" />
        <source>Stopping…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="160" />
        <source>Reading the file… %1 rows</source>
        <translation>ファイルを読み込んでいます…（%1行）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="164" />
        <source>Checking every row… %1 of %2 rows</source>
        <translation>各行を確認しています…（%1／%2行）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="166" />
        <source>Checking again before importing… %1 of %2 rows</source>
        <translation>取り込む前にもう一度確認しています…（%1／%2行）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="169" />
        <source>Importing… %1 of %2 rows. Stopping imports nothing.</source>
        <translation>取り込んでいます…（%1／%2行）。中止すると1件も取り込みません。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="171" />
        <source>Saving the import…</source>
        <translation>取込みを保存しています…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="211" />
        <source>The check was stopped. Nothing has been imported. Check again, or close this window.</source>
        <translation>確認を中止しました。何も取り込んでいません。「もう一度確認」で確認し直すか、この画面を閉じてください。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="251" />
        <source>The import was stopped. Nothing has been imported: the rows already written were all taken back. Check again to import, or close this window.</source>
        <translation>取込みを中止しました。何も取り込んでいません（途中まで書き込んだ行もすべて取り消しました）。取り込むには「もう一度確認」からやり直すか、この画面を閉じてください。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="271" />
        <source>The import had already finished when it was stopped. </source>
        <translation>中止の操作より先に取込みが完了していました。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="290" />
        <source>Registered %1 new people: %2 employees, %3 dependents, %4 payees; %5 My Numbers (identity verification pending).</source>
        <translation>新たに%1人を登録しました（従業員 %2、扶養親族 %3、支払先 %4、個人番号 %5。本人確認は未了です）。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="303" />
        <source>Registered %1 new people (%5 My Numbers registered in all, identity verification pending). Updated %6 registered people (each change is kept as a correction with this import as its reason); %7 were unchanged. Nothing was deleted.</source>
        <translation>新たに%1人を登録しました（個人番号は合わせて%5件を登録。本人確認は未了です）。登録済みの%6人を更新しました（変更はそれぞれ、この取込みを理由とする訂正記録に残ります）。%7人は変更なしでした。削除したものはありません。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="310" />
        <source>No new people. Updated %6 registered people (each change is kept as a correction with this import as its reason; %5 My Numbers registered); %7 were unchanged. Nothing was deleted.</source>
        <translation>新たに登録した人はいません。登録済みの%6人を更新しました（変更はそれぞれ、この取込みを理由とする訂正記録に残ります。登録した個人番号は%5件です）。%7人は変更なしでした。削除したものはありません。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="280" />
        <source>The file %1 holds My Numbers: it is itself specific personal information. Delete it now, including from the recycle bin and any USB stick it came on.</source>
        <translation>ファイル「%1」には個人番号が含まれており、それ自体が特定個人情報です。ごみ箱や持ち込んだUSBメモリの中も含めて、今すぐ削除してください。</translation>
    </message>
</context>
<context>
    <name>IncidentCard</name>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="27" />
        <source>Leak incidents: reports to the PPC</source>
        <translation>漏えい等事案（個人情報保護委員会への報告）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="28" />
        <source>Open the incidents</source>
        <translation>漏えい等事案を開く</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="58" />
        <source>%1 open</source>
        <translation>%1件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="61" />
        <source>No report to the PPC is owed; follow the incidents up.</source>
        <translation>個人情報保護委員会への報告は不要です。事案への対応を続けてください。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="65" />
        <source>final report</source>
        <translation>確報</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="65" />
        <source>preliminary report</source>
        <translation>速報</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="67" />
        <source>The %1 of “%2” was due on %3.</source>
        <translation>「%2」の%1の期限（%3）を過ぎています。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="69" />
        <source>The %1 of “%2” is due by %3.</source>
        <translation>「%2」の%1の期限は%3です。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="76" />
        <source> The final report is due by %1.</source>
        <translation>確報の期限は%1です。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/incident_card.py" line="80" />
        <source> %1 more reports are owed.</source>
        <translation>ほかに%1件の報告が残っています。</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="131" />
        <source>Register an incident</source>
        <translation>漏えい等事案の登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="136" />
        <source>e.g. A withholding slip sent to the wrong person</source>
        <translation>例：源泉徴収票を別の従業員に誤送付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="139" />
        <source>Leak (the data went outside)</source>
        <translation>漏えい（外部に流出した）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="140" />
        <source>Loss (the content is lost)</source>
        <translation>滅失（内容が失われた）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="142" />
        <source>Damage (altered or unusable, e.g. ransomware)</source>
        <translation>毀損（改ざん・利用不能。ランサムウェアなど）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="144" />
        <source>Known</source>
        <translation>判明している</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="157" />
        <source>e.g. General affairs, or the contractor</source>
        <translation>例：総務部、委託先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="160" />
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="161" />
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="162" />
        <source>Occurred at</source>
        <translation>発生日時</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="163" />
        <source>Discovered at</source>
        <translation>発覚日時</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="164" />
        <source>Known to the office at</source>
        <translation>事業所が知った日時</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="165" />
        <source>Discovered by</source>
        <translation>発見者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="168" />
        <source>The deadlines count from the day any department of the office knew. Do not enter any My Number: the persons are chosen from the list later.</source>
        <translation>報告の期限は、事業所のいずれかの部署が知った日から数えます。個人番号は入力しないでください（対象者は後で一覧から選びます）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="178" />
        <source>Register the incident</source>
        <translation>登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/incident_dialog.py" line="187" />
        <source>Is it to be reported?</source>
        <translation>報告の要否の確認</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="62" />
        <source>Register an incident as soon as it is known. The 速報 is due within about 3 to 5 days of knowing, the 確報 within 30 days (60 for an unlawful purpose).</source>
        <translation>事案を知ったら、すぐに登録してください。速報は知った日から概ね3〜5日以内、確報は30日以内（不正の目的によるものは60日以内）です。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="72" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="73" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="74" />
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="75" />
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="76" />
        <source>Known to the office</source>
        <translation>事業所が知った日時</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="77" />
        <source>PPC report</source>
        <translation>委員会への報告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="78" />
        <source>確報 due</source>
        <translation>確報の期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="87" />
        <source>Register…</source>
        <translation>登録…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="92" />
        <source>Draft report (PDF)…</source>
        <translation>報告の下書き（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="105" />
        <source>Reportability and deadlines</source>
        <translation>報告の要否と期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="106" />
        <source>Report items</source>
        <translation>報告事項</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="108" />
        <source>Persons to notify</source>
        <translation>本人への通知</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="110" />
        <source>Recurrence measures</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="112" />
        <source>Leak incidents</source>
        <translation>漏えい等事案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="138" />
        <source>Save the answers</source>
        <translation>回答を保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="144" />
        <source>速報 sent on this day</source>
        <translation>この日に速報した</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="147" />
        <source>確報 sent on this day</source>
        <translation>この日に確報した</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="150" />
        <source>Mark as closed</source>
        <translation>対応完了</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="153" />
        <source>Day:</source>
        <translation>日付：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="185" />
        <source>Save the items</source>
        <translation>報告事項を保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="219" />
        <source>%1 (overdue)</source>
        <translation>%1（期限超過）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="226" />
        <source>Required</source>
        <translation>必要</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="226" />
        <source>Not required</source>
        <translation>不要</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="282" />
        <source>Select an incident.</source>
        <translation>事案を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="324" />
        <source>Registered. Answer the checklist and follow the deadlines.</source>
        <translation>登録しました。報告の要否を確認し、期限に沿って対応してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="338" />
        <source>The answers were saved.</source>
        <translation>回答を保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="344" />
        <source>The items were saved.</source>
        <translation>報告事項を保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="353" />
        <source>Enter the day the report was sent.</source>
        <translation>報告した日を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="362" />
        <source>The 速報 was recorded.</source>
        <translation>速報を記録しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="369" />
        <source>The 確報 was recorded.</source>
        <translation>確報を記録しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="373" />
        <source>The incident was closed.</source>
        <translation>対応を完了にしました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incidents_page.py" line="382" />
        <source>Incident report (draft)</source>
        <translation>漏えい等事案の報告（下書き）</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../../ui/pages/inspection_page.py" line="29" />
        <source>Training</source>
        <translation>研修記録</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_page.py" line="30" />
        <source>Account review</source>
        <translation>アカウントの棚卸し</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_page.py" line="34" />
        <source>Self-inspection</source>
        <translation>自己点検</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_page.py" line="35" />
        <source>Compliance map</source>
        <translation>対応表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_page.py" line="39" />
        <source>Records of the office's own safeguards: the training held, the yearly review of the accounts, and the yearly self-inspection signed by those responsible.</source>
        <translation>事業所の安全管理措置の記録です。実施した研修、年1回のアカウントの棚卸し、責任者が署名する年1回の自己点検を記録します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_page.py" line="46" />
        <source>Inspection and training</source>
        <translation>点検・研修</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="76" />
        <source>Receive a request</source>
        <translation>請求の受付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="93" />
        <location filename="../../ui/dialogs/request_dialogs.py" line="154" />
        <source>(not found in the records)</source>
        <translation>（登録されている対象者に該当なし）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="107" />
        <source>e.g. all data held for payroll and insurance</source>
        <translation>例：給与・社会保険の手続に関して保有している情報すべて</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="114" />
        <source>They also ask for their own My Number</source>
        <translation>本人の個人番号の開示も求めている</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="117" />
        <source>Request</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="118" />
        <source>Made by</source>
        <translation>請求者の区分</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="119" />
        <source>Requester's name *</source>
        <translation>請求者の氏名 *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="120" />
        <source>Whose data (the person) *</source>
        <translation>対象となる本人の氏名 *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="121" />
        <source>The person in our records</source>
        <translation>登録されている対象者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="122" />
        <source>Received on *</source>
        <translation>受付日 *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="123" />
        <source>Received by</source>
        <translation>受付の方法</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="124" />
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="125" />
        <source>What is asked for *</source>
        <translation>請求の内容 *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="126" />
        <source>Method wanted</source>
        <translation>希望する方法</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="127" />
        <source>Fee agreed</source>
        <translation>手数料</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="178" />
        <source>Enter the requester and what is asked for.</source>
        <translation>請求者の氏名と請求の内容を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="180" />
        <source>Enter the day the request was received, e.g. 2026-11-20.</source>
        <translation>受付日を 2026-11-20 のように入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/request_dialogs.py" line="182" />
        <source>The day received is in the future.</source>
        <translation>受付日が未来の日付になっています。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="115" />
        <source>Screen locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="132" />
        <source>Unlock the screen</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="136" />
        <source>Sign out (another member)</source>
        <translation>サインアウト（別の職員が使う）</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="160" />
        <source>The screen was locked to protect personal data. %1 (%2) can unlock it with their password.</source>
        <translation>個人情報を保護するため画面をロックしました。%1（%2）がパスワードを入力するとロックを解除できます。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="186" />
        <source>Wrong password.</source>
        <translation>パスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="193" />
        <source>Enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
</context>
<context>
    <name>LogAnalysisDialog</name>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="49" />
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="156" />
        <source>Access log analysis</source>
        <translation>アクセス記録の分析</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="71" />
        <source>Analyse</source>
        <translation>分析する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="75" />
        <source>Audit report (PDF)…</source>
        <translation>監査報告書（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="79" />
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="107" />
        <source>Rule</source>
        <translation>基準</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="107" />
        <source>Member</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="107" />
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="107" />
        <source>Checked</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="126" />
        <source>What you found out (reason, action taken)</source>
        <translation>確認した内容（理由や対応）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="129" />
        <source>Record as checked</source>
        <translation>確認済みとして記録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="144" />
        <source>Points to check</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="181" />
        <source>Reveals %1, outputs %2, failed sign-ins %3. Points to check: %4 (%5 not yet checked).</source>
        <translation>個人番号の表示等 %1件、出力 %2件、サインイン失敗 %3件。注意事項 %4件（未確認 %5件）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="196" />
        <source>%1 on %2: %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="203" />
        <source>Not yet checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="224" />
        <source>Caution: the access log failed its check, so these counts may not be complete or true. %1</source>
        <translation>注意：アクセス記録の検証で問題が見つかりました。ここに表示している件数は、欠けていたり改ざんされていたりするおそれがあります。%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="242" />
        <source>Rule: %1</source>
        <translation>基準：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="248" />
        <source>This point is about your own actions: another supervisor or the manager checks it.</source>
        <translation>ご自身の操作についての注意事項です。ほかの事務取扱責任者または特定個人情報管理責任者が確認します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="276" />
        <source>Recorded as checked.</source>
        <translation>確認済みとして記録しました。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_analysis_dialog.py" line="291" />
        <source>Audit report</source>
        <translation>監査報告書</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Screen-capture protection could not be enabled: screen sharing or recording may show personal data. Tell the person responsible for this PC.</source>
        <translation>画面キャプチャの防止を有効にできませんでした。画面共有や録画に個人情報が映る可能性があります。このPCの管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>People</source>
        <translation>人員</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197" />
        <source>Year-end and statutory forms</source>
        <translation>年末調整・法定調書</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>Retention and deletion</source>
        <translation>保存期間・削除</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211" />
        <source>Requests</source>
        <translation>開示等の請求</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>Records</source>
        <translation>アクセス記録</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221" />
        <source>Incidents</source>
        <translation>漏えい等事案</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227" />
        <source>Consignees</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231" />
        <source>Inspection and training</source>
        <translation>点検・研修</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237" />
        <source>Staff</source>
        <translation>職員管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="28" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="37" />
        <source>Back up…</source>
        <translation>バックアップ…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="43" />
        <source>Re-issue the recovery key…</source>
        <translation>回復キーの再発行…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="49" />
        <source>Change my password…</source>
        <translation>パスワードの変更…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="54" />
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="58" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="75" />
        <source>About MyNumber Desk</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258" />
        <source>Signed in: %1 (%2)</source>
        <translation>サインイン中：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269" />
        <source> — DEMO DATA, not for real numbers</source>
        <translation>　デモ用のデータです。実際の個人番号は登録しないでください</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300" />
        <location filename="../../ui/main_window.py" line="364" />
        <source>Screen locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332" />
        <source>Auto-lock in %1</source>
        <translation>自動ロックまで %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="30" />
        <source>Lock the screen</source>
        <translation>画面をロック</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="60" />
        <source>User manual</source>
        <translation>操作マニュアル</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="69" />
        <source>Save the manual as PDF…</source>
        <translation>操作マニュアルをPDFで保存…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="83" />
        <source>Back up to which folder?</source>
        <translation>バックアップの保存先フォルダー</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="93" />
        <source>Backup made</source>
        <translation>バックアップ完了</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="94" />
        <source>The backup was written and checked: %1</source>
        <translation>バックアップを作成し、読み戻して確認しました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="106" />
        <source>re-issue the recovery key</source>
        <translation>回復キーを再発行する</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="128" />
        <source>Change my password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="129" />
        <source>Only your own key slot is re-encrypted; nothing else changes.</source>
        <translation>あなたの鍵だけを暗号化し直します。他のデータは変わりません。</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="145" />
        <source>Password changed</source>
        <translation>パスワード変更</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="146" />
        <source>Your password was changed.</source>
        <translation>パスワードを変更しました。</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="181" />
        <source>Save the manual as PDF</source>
        <translation>操作マニュアルをPDFで保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="183" />
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menu.py" line="193" />
        <source>The manual was saved: %1</source>
        <translation>操作マニュアルを保存しました：%1</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="59" />
        <source>The manager's account</source>
        <translation>管理責任者のアカウント</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="62" />
        <source>The person responsible for specific personal information (特定個人情報管理責任者) signs in with this account and creates the others.</source>
        <translation>特定個人情報管理責任者がこのアカウントでサインインし、他の職員のアカウントを作成します。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="81" />
        <source>This person also does the My Number work (registers people and numbers)</source>
        <translation>この方が個人番号の事務も行う（対象者と個人番号を登録する）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="87" />
        <source>Leave this ticked in an office where one person does the work: the account also gets the role 事務取扱担当者 with every task and every group of people. Untick it when other staff will do the work; you then add them under Staff.</source>
        <translation>一人で事務を行う事業所では、チェックを入れたままにしてください。このアカウントに事務取扱担当者の役割と、すべての事務・すべての対象者の担当範囲が付きます。事務を別の職員が行う場合はチェックを外し、あとで「職員管理」で追加してください。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="95" />
        <source>User name (letters and digits)</source>
        <translation>ユーザー名（半角英数字）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="96" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="97" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="98" />
        <source>Password (again)</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="114" />
        <source>The two passwords differ.</source>
        <translation>2つのパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../ui/dialogs/manual_dialog.py" line="95" />
        <source>User manual</source>
        <translation>操作マニュアル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_dialog.py" line="103" />
        <source>Search the manual</source>
        <translation>マニュアル内を検索</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_dialog.py" line="107" />
        <source>No chapter contains these words.</source>
        <translation>この語句を含む章はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_dialog.py" line="148" />
        <source>Save as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_dialog.py" line="155" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/import_pages.py" line="103" />
        <source>Match the columns</source>
        <translation>列の対応付け</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="106" />
        <source>Which column of the file holds each item? Required items are marked with *. A name split in two columns (family name, given name) takes both. The choice is remembered for files of this layout.</source>
        <translation>各項目がファイルのどの列にあるかを選んでください。* は必須です。姓と名が別の列の場合は2列を選びます。同じ形式のファイルでは次回からこの対応を使います。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="114" />
        <source>(choose)</source>
        <translation>（選んでください）</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="115" />
        <source>As the 区分 column says, row by row</source>
        <translation>行ごとに「区分」の列に従う</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="116" />
        <source>Employees (every row)</source>
        <translation>従業員（すべての行）</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="117" />
        <source>Payees (every row)</source>
        <translation>支払先（すべての行）</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="123" />
        <source>This file has no 区分 column: choose what it lists. Dependants in columns of an employee's row are imported as that employee's.</source>
        <translation>このファイルには「区分」の列がありません。何の一覧かを選んでください。従業員の行の列にある扶養親族は、その従業員の扶養親族として取り込みます。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="146" />
        <source>Import the dependants in these columns</source>
        <translation>次の列の扶養親族も取り込む</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="162" />
        <source>This file lists</source>
        <translation>一覧の内容</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="188" />
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="186" />
        <source>(not in this file)</source>
        <translation>（このファイルにはない）</translation>
    </message>
</context>
<context>
    <name>MaskedNumberWidget</name>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="57" />
        <source>My Number (masked)</source>
        <translation>個人番号（伏せ字）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="58" />
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="61" />
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="131" />
        <source>No purpose of yours applies to this number.</source>
        <translation>この個人番号に使える、あなたの担当の事務がありません。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="136" />
        <source>Purpose</source>
        <translation>利用目的</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="137" />
        <source>For which work do you need the number?</source>
        <translation>どの事務のために個人番号を使いますか？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="161" />
        <source>Masked again in %1 s</source>
        <translation>%1秒後に再び伏せ字にします</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="167" />
        <source>Copied; the clipboard is cleared in %1 s</source>
        <translation>コピーしました（%1秒後にクリップボードから消去します）</translation>
    </message>
</context>
<context>
    <name>MeasuresTab</name>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="55" />
        <source>Measure</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="55" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="55" />
        <source>Due / done</source>
        <translation>予定日・実施日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="62" />
        <source>e.g. Two people check every envelope</source>
        <translation>例：封入時に二人で確認する</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="66" />
        <source>Add the measure</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="67" />
        <source>Done today</source>
        <translation>本日実施</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="70" />
        <source>Due:</source>
        <translation>予定日：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="96" />
        <source>The measure was added.</source>
        <translation>再発防止策を追加しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="106" />
        <source>The measure was marked done.</source>
        <translation>再発防止策を実施済みにしました。</translation>
    </message>
</context>
<context>
    <name>MemberChart</name>
    <message>
        <location filename="../../ui/widgets/log_charts.py" line="119" />
        <source>Per member</source>
        <translation>職員別</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="105" />
        <source>Current password</source>
        <translation>現在のパスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="106" />
        <source>New password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="107" />
        <source>New password (again)</source>
        <translation>新しいパスワード（確認）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="131" />
        <source>The two new passwords differ.</source>
        <translation>新しいパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>NumberBox</name>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="34" />
        <source>Deletion: not yet (%1)</source>
        <translation>削除：まだできません（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="38" />
        <source>May be deleted from %1 (%2)</source>
        <translation>%1から削除できます（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="55" />
        <source>My Number</source>
        <translation>個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="58" />
        <source>Correct…</source>
        <translation>訂正…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="61" />
        <source>Replace a wrongly entered number (the reason is kept in the record).</source>
        <translation>誤って登録した番号を正しい番号に置き換えます（理由は訂正の記録に残ります）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="65" />
        <source>Register the My Number…</source>
        <translation>個人番号を登録…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="69" />
        <source>Registers the number only; it then waits for an identity check. With the documents at hand, use 「Identity check…」 to register and verify at once.</source>
        <translation>番号だけを登録します（登録後は本人確認待ちになります）。書類が手元にあるときは「本人確認…」から、番号の登録と本人確認を一度に記録できます。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="78" />
        <source>Identity check…</source>
        <translation>本人確認…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="82" />
        <source>Record the identity check (本人確認) of a number received; a new number is registered with it.</source>
        <translation>受け取った個人番号の本人確認を記録します。まだ番号がない人は、ここで番号も登録します。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="86" />
        <source>Identity check records…</source>
        <translation>本人確認記録…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/number_box.py" line="117" />
        <source>Collected for: %1</source>
        <translation>利用目的：%1</translation>
    </message>
</context>
<context>
    <name>NumberEntryDialog</name>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="110" />
        <source>Register the My Number</source>
        <translation>個人番号の登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="110" />
        <source>Correct the My Number</source>
        <translation>個人番号の訂正</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="115" />
        <source>New My Number of %1. Type it twice; the second entry is hidden. The old number is deleted and the new one needs an identity check again.</source>
        <translation>%1さんの正しい個人番号を2回入力してください（2回目は伏せ字になります）。登録されていた番号は削除され、新しい番号はあらためて本人確認（番号確認）が必要になります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="119" />
        <source>My Number of %1. Type it twice; the second entry is hidden.</source>
        <translation>%1 の個人番号を2回入力してください（2回目は伏せ字で表示されます）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="131" />
        <source>Collected for (purposes notified to the person)</source>
        <translation>利用目的（本人に通知した事務）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="141" />
        <source>Why is a number registered again? (kept in the log)</source>
        <translation>再び登録する理由（アクセス記録に残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="146" />
        <source>Why is it changed? (kept in the record)</source>
        <translation>変更の理由（訂正の記録に残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="155" />
        <source>This person's My Number was deleted: %1. Registering one again needs a reason, which is kept in the access log.</source>
        <translation>この対象者の個人番号は%1です。再び登録するには理由の入力が必要です（アクセス記録に残ります）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="164" />
        <source>My Number</source>
        <translation>個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="165" />
        <source>Again (hidden)</source>
        <translation>もう一度（伏せ字）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="167" />
        <source>Reason *</source>
        <translation>理由 *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="169" />
        <source>Reason for registering again *</source>
        <translation>再登録の理由 *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="174" />
        <source>Correct</source>
        <translation>訂正する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="174" />
        <source>Register</source>
        <translation>登録する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="177" />
        <source>Correct and check identity…</source>
        <translation>訂正して本人確認へ…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="179" />
        <source>Register and check identity…</source>
        <translation>登録して本人確認へ…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="186" />
        <source>Saves the number, then opens the identity check with the number just typed filled in (hidden), so it is not typed a third time.</source>
        <translation>番号を保存してから本人確認を開きます。いま入力した番号は伏せたまま本人確認に引き継がれるので、3回目の入力は要りません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="266" />
        <source>Type the same number again below.</source>
        <translation>下の欄にもう一度同じ番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="269" />
        <source>Choose at least one purpose.</source>
        <translation>利用目的を1つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="271" />
        <source>Enter the reason for the correction.</source>
        <translation>訂正の理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="273" />
        <source>Enter why the number is registered again.</source>
        <translation>再び登録する理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/number_entry_dialog.py" line="275" />
        <source>The check digit is correct.</source>
        <translation>検査用数字は正しいです。</translation>
    </message>
</context>
<context>
    <name>NumberPage</name>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="36" />
        <source>The number received</source>
        <translation>受け取った個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="36" />
        <source>Number check</source>
        <translation>番号の照合</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="38" />
        <source>Type it twice; the second entry is hidden.</source>
        <translation>2回入力してください（2回目は伏せ字になります）。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="41" />
        <source>Type the number on the document you checked (for a dependent, on the employee's form). It is compared with the number on file, which is not shown.</source>
        <translation>確認した書類（扶養親族は従業員の申告書）に書かれた個人番号を入力してください。登録済みの番号と照合します（登録済みの番号は表示されません）。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="50" />
        <source>Why is a number registered again? (kept in the log)</source>
        <translation>再び登録する理由（アクセス記録に残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="56" />
        <source>The number you typed twice when registering it is filled in (hidden). It is compared with the number on file; change it only if the document shows another.</source>
        <translation>登録のときに2回入力した番号を、伏せたまま入れてあります。登録済みの番号と照合します。書類の番号が違うときだけ入力し直してください。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="64" />
        <source>My Number</source>
        <translation>個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="66" />
        <source>Again (hidden)</source>
        <translation>もう一度（伏せ字）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="68" />
        <source>Reason for registering again *</source>
        <translation>再登録の理由 *</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="75" />
        <source>This person's My Number was deleted: %1. Registering one again needs a reason, which is kept in the access log.</source>
        <translation>この対象者の個人番号は%1です。再び登録するには理由の入力が必要です（アクセス記録に残ります）。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="97" />
        <source>Type the same number again below.</source>
        <translation>下の欄にもう一度同じ番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="99" />
        <source>Enter why the number is registered again.</source>
        <translation>再び登録する理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="101" />
        <source>The check digit is correct.</source>
        <translation>検査用数字は正しいです。</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="34" />
        <source>Welcome to MyNumber Desk</source>
        <translation>マイナンバー管理デスクへようこそ</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="36" />
        <source>First, the name of the office whose My Numbers will be kept here.</source>
        <translation>はじめに、個人番号を管理する事業所の名称を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="40" />
        <source>e.g. 社会福祉法人○○会 本部事務局</source>
        <translation>例：社会福祉法人○○会 本部事務局</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="44" />
        <source>The data is kept encrypted on this PC only. It opens with a staff member's password together with a secret held by this PC's Windows account, so a copied file is useless elsewhere.</source>
        <translation>データはこのPCの中だけに暗号化して保存されます。職員のパスワードと、このPCのWindowsアカウントが保持する秘密鍵の両方がそろったときだけ開くため、ファイルをコピーしても他のPCでは開けません。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="51" />
        <source>Office name</source>
        <translation>事業所名</translation>
    </message>
</context>
<context>
    <name>OutputsDialog</name>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="35" />
        <location filename="../../ui/dialogs/outputs_dialog.py" line="165" />
        <source>Outputs register</source>
        <translation>持出し・出力記録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="38" />
        <source>Every print or saved file that carries My Numbers. When a paper has been submitted, handed over, destroyed or returned, record it here. A copy that was previewed and closed without being printed or saved shows as withdrawn.</source>
        <translation>個人番号を記載して印刷・保存したものの一覧です。提出・交付・廃棄・返却したら、ここで結果を記録してください。プレビューを表示しただけで印刷も保存もしなかったものは「取消（出力せず）」と表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="49" />
        <source>No.</source>
        <translation>出力番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="50" />
        <source>Made</source>
        <translation>出力日時・出力者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="51" />
        <source>Document</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="52" />
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="53" />
        <source>Submitted to</source>
        <translation>提出先・交付先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="54" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="55" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="69" />
        <source>Result of the selected output</source>
        <translation>選択した出力の結果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="70" />
        <source>Record the result</source>
        <translation>結果を記録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="74" />
        <source>Outputs register (PDF)…</source>
        <translation>持出し・出力記録（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="77" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="81" />
        <source>Result of the selected output:</source>
        <translation>選んだ出力の結果：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="107" />
        <source> (past the day to confirm)</source>
        <translation>（確認期限を過ぎています）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outputs_dialog.py" line="110" />
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
</context>
<context>
    <name>PagingBar</name>
    <message>
        <location filename="../../ui/widgets/paging.py" line="15" />
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paging.py" line="18" />
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paging.py" line="32" />
        <source>%1–%2 of %3</source>
        <translation>%3件中 %1～%2件</translation>
    </message>
</context>
<context>
    <name>PaymentSlipDialog</name>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="78" />
        <source>Payment record: %1</source>
        <translation>支払調書：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="85" />
        <source>Enter the payments of the year, one record per category, in yen. The copy for the payee carries no My Number or corporate number.</source>
        <translation>選んだ年分の支払を、区分ごとに1枚ずつ円単位で入力してください。支払を受ける者に渡す写しには、個人番号も法人番号も記載されません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="99" />
        <source>Record no.</source>
        <translation>何枚目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="104" />
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="113" />
        <source>Payee's address</source>
        <translation>支払を受ける者の住所（所在地）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="115" />
        <source>Location of the property</source>
        <translation>物件の所在地</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="116" />
        <source>Item details</source>
        <translation>細目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="118" />
        <source>Basis of calculation</source>
        <translation>計算の基礎</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="122" />
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="127" />
        <source>Payments</source>
        <translation>支払金額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="123" />
        <source>Of which unpaid</source>
        <translation>うち未払の金額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="124" />
        <source>Tax withheld</source>
        <translation>源泉徴収税額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="125" />
        <source>Of which not yet withheld</source>
        <translation>うち未徴収の税額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="127" />
        <source>Broker's fee</source>
        <translation>あっせん手数料</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="133" />
        <source>Broker</source>
        <translation>あっせんをした者の氏名又は名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="134" />
        <source>Broker's address</source>
        <translation>あっせんをした者の住所（所在地）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="135" />
        <source>Broker's corporate number</source>
        <translation>あっせんをした者の法人番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="138" />
        <source>Payment fixed on</source>
        <translation>支払確定年月日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="139" />
        <source>Remarks</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="143" />
        <source>Copy for the payee (no numbers)</source>
        <translation>支払を受ける者用の写し（番号なし）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="144" />
        <source>For the tax office</source>
        <translation>税務署提出用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="145" />
        <source>Copy</source>
        <translation>帳票の種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="146" />
        <source>Every saved record of this payee (one slip each)</source>
        <translation>この支払先の保存済みの全件（1件1枚）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="152" />
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="166" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="169" />
        <source>Preview…</source>
        <translation>プレビュー…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="179" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment_slip_dialog.py" line="279" />
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>PayrollCheckPage</name>
    <message>
        <location filename="../../ui/payroll_pages.py" line="175" />
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="177" />
        <source>Every row is checked against the register before anything is saved.</source>
        <translation>保存する前に、すべての行を登録内容と照らし合わせて確認します。</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="185" />
        <source>I have looked at the dependant counts that differ from the register and import them as they are (the slip names the registered dependants)</source>
        <translation>登録と異なる扶養親族の人数を確認したので、このまま取り込む（源泉徴収票には登録されている扶養親族が記載されます）</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="191" />
        <location filename="../../ui/payroll_pages.py" line="193" />
        <location filename="../../ui/payroll_pages.py" line="197" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="191" />
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="193" />
        <source>Difference</source>
        <translation>相違</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="197" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="197" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="197" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="197" />
        <source>Items</source>
        <translation>訂正する項目</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="212" />
        <source>Checking every row…</source>
        <translation>すべての行を確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="231" />
        <source>%1 problems in %2 rows. Nothing can be imported until every problem is corrected in the file (all rows or none).</source>
        <translation>%2行中、問題が%1件あります。すべての問題をファイルで直すまで、何も取り込めません（全件か0件）。</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="241" />
        <source>%1 rows of %2 checked, no problems: %3 new, %4 corrected, %5 unchanged. Import saves them all in one step; a corrected amount is kept as a correction in the access log.</source>
        <translation>%2年分の%1行を確認しました。問題はありません（新規 %3人、訂正 %4人、変更なし %5人）。「取り込む」で全員分をまとめて保存します。訂正した金額は訂正としてアクセス記録に残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="257" />
        <source>The dependant counts of %1 rows differ from the dependants registered. Look at them below; to import, tick the box.</source>
        <translation>%1行で、扶養親族の人数が登録されている扶養親族と違います。下の一覧で確認し、取り込む場合はチェックを入れてください。</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="265" />
        <source>Problems (%1)</source>
        <translation>問題（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="271" />
        <source>Dependant counts (%1)</source>
        <translation>扶養親族の人数（%1件）</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="273" />
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="273" />
        <source>Corrected</source>
        <translation>訂正</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="281" />
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="289" />
        <source>Employees (%1)</source>
        <translation>従業員（%1人）</translation>
    </message>
</context>
<context>
    <name>PayrollDonePage</name>
    <message>
        <location filename="../../ui/payroll_pages.py" line="306" />
        <source>Imported</source>
        <translation>取込み完了</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="312" />
        <source>Open an employee's withholding slip from the People page to see or correct the amounts and to print the slip.</source>
        <translation>金額の確認・訂正や源泉徴収票の出力は、対象者の画面で従業員の「源泉徴収票…」から行います。</translation>
    </message>
</context>
<context>
    <name>PayrollFilePage</name>
    <message>
        <location filename="../../ui/payroll_pages.py" line="51" />
        <source>The year-end export of your payroll software (CSV in UTF-8 or Shift_JIS, or Excel .xlsx), one employee per row, with the employee code. A file with a My Number column is refused: the numbers come from this program only.</source>
        <translation>給与ソフトから出力した年末調整のデータ（UTF-8またはShift_JISのCSV、Excelの.xlsx）を、1行に1人・従業員コード付きで指定してください。個人番号の列があるファイルは取り込めません（個人番号はこのプログラムに登録されているものを使います）。</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="60" />
        <source> (year)</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="62" />
        <source>Amounts for the year</source>
        <translation>取り込む年分</translation>
    </message>
</context>
<context>
    <name>PayrollMappingPage</name>
    <message>
        <location filename="../../ui/payroll_pages.py" line="72" />
        <source>Match the columns</source>
        <translation>列の対応</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="75" />
        <source>Which column of the file holds each item? Required items are marked with *. Items not in the file keep what is saved (typed or imported before). The choice is remembered for files of this layout.</source>
        <translation>各項目がファイルのどの列にあるかを選んでください。*は必須です。ファイルにない項目は、保存済みの内容（入力または前回の取込み）がそのまま残ります。選んだ対応は、同じ見出しのファイルのために記憶されます。</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_pages.py" line="112" />
        <source>(not in this file)</source>
        <translation>（このファイルにはない）</translation>
    </message>
</context>
<context>
    <name>PayrollWizard</name>
    <message>
        <location filename="../../ui/payroll_wizard.py" line="34" />
        <source>Import payroll data (withholding slips)</source>
        <translation>給与データの取込み（源泉徴収票）</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_wizard.py" line="43" />
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_wizard.py" line="69" />
        <source>Reading…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../ui/payroll_wizard.py" line="147" />
        <source>Imported the amounts of %1 for %2 employees: %3 new, %4 corrected, %5 unchanged. Each saved or corrected slip is kept in the access log.</source>
        <translation>%1年分の金額を%2人分取り込みました（新規 %3人、訂正 %4人、変更なし %5人）。登録・訂正した内容はアクセス記録に残ります。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="74" />
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="76" />
        <source>Print (Ctrl+P)</source>
        <translation>印刷（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="79" />
        <source>Save as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="81" />
        <source>Save as PDF (Ctrl+S)</source>
        <translation>PDFで保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="88" />
        <source>Save as encrypted PDF…</source>
        <translation>暗号化したPDFで保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="90" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="95" />
        <source>Previous page (PageUp)</source>
        <translation>前のページ（PageUp）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="100" />
        <source>Page number</source>
        <translation>ページ番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="108" />
        <source>/ %1 pages</source>
        <translation>/ %1 ページ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="112" />
        <source>Next page (PageDown)</source>
        <translation>次のページ（PageDown）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="117" />
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="125" />
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大（Ctrl++）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="131" />
        <source>Fit the page's width to the window (Ctrl+2)</source>
        <translation>ページの幅をウィンドウに合わせる（Ctrl+2）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="132" />
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="138" />
        <source>Show a whole page (Ctrl+0)</source>
        <translation>ページ全体を表示（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="139" />
        <source>Whole page</source>
        <translation>ページ全体</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="272" />
        <source>Save as PDF</source>
        <translation>PDFで保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="272" />
        <source>PDF (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PendingVerificationsDialog</name>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="33" />
        <source>Waiting for an identity check</source>
        <translation>本人確認待ちの人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="39" />
        <source>My Numbers registered in your groups whose identity check (本人確認) has not been done yet, the longest waiting first. Check the documents before using them.</source>
        <translation>あなたの担当範囲で登録された個人番号のうち、本人確認がまだ済んでいないものです（待っている期間の長い順）。書類で本人確認を行ってから利用してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="47" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="47" />
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="47" />
        <source>Code / department</source>
        <translation>コード・部署</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="54" />
        <source>Identity check…</source>
        <translation>本人確認…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="86" />
        <source>Nothing to do.</source>
        <translation>対応が必要なものはありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="89" />
        <source>%1 more not listed: find them on the people page.</source>
        <translation>ほかに%1人います。対象者の一覧から探してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_verifications_dialog.py" line="94" />
        <source>Double-click a person to start the identity check.</source>
        <translation>人をダブルクリックすると本人確認を始めます。</translation>
    </message>
</context>
<context>
    <name>PeopleListPage</name>
    <message>
        <location filename="../../ui/pages/people_page.py" line="47" />
        <source>Name, kana (hiragana or katakana), code or department</source>
        <translation>氏名・フリガナ（ひらがな・カタカナ）・コード・部署で検索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_page.py" line="93" />
        <source>Import…</source>
        <translation>取込み…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_page.py" line="86" />
        <source>Add employee…</source>
        <translation>従業員を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_page.py" line="90" />
        <source>Add payee…</source>
        <translation>支払先を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_page.py" line="100" />
        <source>People</source>
        <translation>人員</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="50" />
        <source>Deleted (%1, record No. %2)</source>
        <translation>削除済み（%1・記録番号 No. %2）</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="64" />
        <source>Dependent of %1</source>
        <translation>%1の扶養親族</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="79" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="80" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="81" />
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="82" />
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="83" />
        <source>Department</source>
        <translation>部署</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="84" />
        <source>My Number</source>
        <translation>個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="131" />
        <source>Outside your scope: name and other details are not shown.</source>
        <translation>担当範囲外の対象者です。氏名などは表示されません。</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="144" />
        <source>Outside your scope</source>
        <translation>担当範囲外</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="54" />
        <source>Not registered</source>
        <translation>未登録</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="44" />
        <source>Registered, identity check pending</source>
        <translation>登録済み（本人確認待ち）</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_table_model.py" line="47" />
        <source>Registered</source>
        <translation>登録済み</translation>
    </message>
</context>
<context>
    <name>PersonActions</name>
    <message>
        <location filename="../../ui/widgets/person_actions.py" line="221" />
        <source>Purpose notice</source>
        <translation>利用目的通知書</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="108" />
        <source>Add employee</source>
        <translation>従業員の追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="108" />
        <source>Correct employee record</source>
        <translation>従業員の記録の訂正</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="109" />
        <source>Add dependent</source>
        <translation>扶養親族の追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="109" />
        <source>Correct dependent record</source>
        <translation>扶養親族の記録の訂正</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="110" />
        <source>Add payee</source>
        <translation>支払先（個人）の追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="110" />
        <source>Correct payee record</source>
        <translation>支払先の記録の訂正</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="116" />
        <source>Employee</source>
        <translation>従業員</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="125" />
        <source>Why is it changed? (kept in the record)</source>
        <translation>変更の理由（訂正の記録に残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="128" />
        <source>Reason for the change *</source>
        <translation>変更の理由 *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="153" />
        <source>Each change is kept as a correction record (who, when, why, before and after) for at least one year.</source>
        <translation>変更は訂正の記録（誰が・いつ・なぜ・変更前と変更後）として少なくとも1年間保存されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="170" />
        <source>left out</source>
        <translation>印刷しません</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="177" />
        <source>Some characters of this name cannot be printed with the program's fonts: %1. The papers print the usual character in their place; the name is kept as typed.</source>
        <translation>この氏名には、印刷用のフォントにない文字があります：%1。書類には一般的な字体で印刷します（登録される氏名は入力どおりです）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="185" />
        <source>Spouse is a category 3 insured person</source>
        <translation>国民年金第3号被保険者に該当する（配偶者）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="190" />
        <source>One-off</source>
        <translation>単発</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="191" />
        <source>Continuing contract</source>
        <translation>継続的な契約</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="216" />
        <source>13 digits, if the payee is a corporation</source>
        <translation>法人の場合は法人番号13桁</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="243" />
        <source>%1: enter a date such as 2026-04-01 or 令和8年4月1日.</source>
        <translation>%1：2026-04-01 や 令和8年4月1日 のように日付を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="251" />
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="267" />
        <source>Nothing was changed.</source>
        <translation>変更された項目はありません。</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="77" />
        <source>Correct…</source>
        <translation>記録を訂正…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="169" />
        <source>Requests for the number…</source>
        <translation>提供依頼の記録…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="172" />
        <source>Purpose notice…</source>
        <translation>利用目的通知書…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="187" />
        <source>Correction records…</source>
        <translation>訂正の記録…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="81" />
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="203" />
        <source>This person is outside the work and groups assigned to you.</source>
        <translation>この対象者は、あなたに割り当てられた事務・担当グループの範囲外です。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="282" />
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="287" />
        <source>%1 correction records</source>
        <translation>訂正の記録 %1件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="79" />
        <source>Correct the record (the reason is kept).</source>
        <translation>記録を訂正します（理由は訂正の記録に残ります）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="153" />
        <source>More</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="175" />
        <source>Withholding slip…</source>
        <translation>源泉徴収票…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="180" />
        <source>Retirement income slip…</source>
        <translation>退職所得の源泉徴収票…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="184" />
        <source>Payment record…</source>
        <translation>支払調書…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="228" />
        <source>Select a person in the list: their record and My Number appear here.</source>
        <translation>一覧から対象者を選ぶと、ここに記録と個人番号が表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="243" />
        <source>Employee: %1</source>
        <translation>扶養元の従業員：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="255" />
        <source>Record leaving…</source>
        <translation>退職の登録…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="256" />
        <source>End of dependency…</source>
        <translation>扶養終了の登録…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/person_panel.py" line="257" />
        <source>End of contract…</source>
        <translation>契約終了の登録…</translation>
    </message>
</context>
<context>
    <name>PersonsTab</name>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="120" />
        <source>Person</source>
        <translation>対象者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="120" />
        <source>Notice</source>
        <translation>通知の状況</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="120" />
        <source>Method</source>
        <translation>通知の方法</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="120" />
        <source>Notified on</source>
        <translation>通知日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="127" />
        <source>Name, kana or employee code</source>
        <translation>氏名・フリガナ・従業員コード</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="129" />
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="133" />
        <source>Add to the list</source>
        <translation>対象者に追加</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="140" />
        <source>e.g. By letter</source>
        <translation>例：書面（郵送）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="146" />
        <source>Record for the selected persons</source>
        <translation>選んだ対象者に記録</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="160" />
        <source>Tell the persons the summary, the data items, the cause, any secondary harm and other matters (規則第5条).</source>
        <translation>本人には、概要、特定個人情報の項目、原因、二次被害又はそのおそれの有無及びその内容、その他参考となる事項を通知します（規則第5条）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="208" />
        <source>The person was added.</source>
        <translation>対象者を追加しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/incident_tabs.py" line="222" />
        <source>The notice was recorded.</source>
        <translation>通知の状況を記録しました。</translation>
    </message>
</context>
<context>
    <name>PrintCalibrationDialog</name>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="55" />
        <source>Print position for pre-printed forms</source>
        <translation>印刷位置の補正（専用用紙）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="67" />
        <source>1. Print the calibration page on plain paper at actual size (100 %).
2. Lay it over a pre-printed form and hold both against the light.
3. On each cross's scale, read where the form's own line runs (right and down are +, one mark is 0.5 mm) and enter it below.</source>
        <translation>1. 位置合わせ用紙を普通紙に「実際のサイズ（倍率100%）」で印刷します。
2. 専用用紙に重ねて、光に透かします。
3. 十字の目盛りで専用用紙の罫線が通る位置を読み（右・下が＋、1目盛り0.5mm）、下に入力します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="94" />
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="95" />
        <source>Across (right is +)</source>
        <translation>横（右が＋）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="96" />
        <source>Down the page (down is +)</source>
        <translation>縦（下が＋）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="98" />
        <source>Print calibration page…</source>
        <translation>位置合わせ用紙を印刷…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="101" />
        <source>Save for this printer</source>
        <translation>このプリンターに保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="114" />
        <source>No printer is set up on this PC.</source>
        <translation>このPCにはプリンターが設定されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_calibration_dialog.py" line="153" />
        <source>Calibration page</source>
        <translation>位置合わせ用紙</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing.py" line="63" />
        <source>Not printed</source>
        <translation>印刷しませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="64" />
        <source>A paper carrying My Numbers is not printed to a file. Choose a printer, or save it with "Save as encrypted PDF…" in the preview.</source>
        <translation>個人番号が記載された書類は、ファイルへは出力できません。プリンターを選ぶか、プレビューの「暗号化したPDFで保存…」で保存してください。</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="26" />
        <source>Propose a deletion run</source>
        <translation>削除の提案</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="29" />
        <source>Delete the My Numbers of %1 people. Nothing is deleted until another member approves the run with their password and it is executed.</source>
        <translation>%1人分の個人番号の削除を提案します。別の職員が自分のパスワードで承認し、実行するまでは何も削除されません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="36" />
        <source>Why now? (kept in the records)</source>
        <translation>削除する理由（記録に残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="41" />
        <source>%1 of them are still within their retention period or in use. Deleting them early needs a reason and the approval of the person responsible (特定個人情報管理責任者).</source>
        <translation>このうち%1人分は、まだ保存期間内か利用中です。期間内に削除するには理由を記録し、特定個人情報管理責任者の承認を受ける必要があります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deletion_dialogs.py" line="50" />
        <source>Reason *</source>
        <translation>理由 *</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <location filename="../../ui/verification_pages.py" line="229" />
        <source>Who hands the number over?</source>
        <translation>番号を出す人</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="232" />
        <source>The person themself, or an agent on their behalf. An employee bringing a family member's number is a voluntary agent.</source>
        <translation>本人か、本人に代わる代理人かを選んでください。従業員が家族の番号を持ってくる場合、従業員は任意代理人です。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="246" />
        <source>The agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="253" />
        <source>For an employee bringing a family member's number, the employee's name.</source>
        <translation>従業員が家族の番号を持ってきた場合は、その従業員の氏名です。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="258" />
        <source>e.g. husband, parent</source>
        <translation>例：夫、父</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="260" />
        <source>The agent is one of our employees, identity-checked at hiring, whom I know</source>
        <translation>代理人は入社時に本人確認をした当社の従業員で、担当者（私）がその人を知っている</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="263" />
        <source>Name *</source>
        <translation>氏名 *</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="264" />
        <source>Relation to the person</source>
        <translation>本人との関係</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="294" />
        <source>Enter the agent's name.</source>
        <translation>代理人の氏名を入力してください。</translation>
    </message>
</context>
<context>
    <name>RecordsCard</name>
    <message>
        <location filename="../../ui/widgets/records_card.py" line="25" />
        <source>Training and account review</source>
        <translation>研修・アカウントの棚卸し</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/records_card.py" line="26" />
        <source>Open inspection and training</source>
        <translation>点検・研修を開く</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/records_card.py" line="48" />
        <source>Next training: due on %1</source>
        <translation>次回の研修：期限 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/records_card.py" line="50" />
        <source>Next account review: due on %1</source>
        <translation>次回のアカウントの棚卸し：期限 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/records_card.py" line="55" />
        <source>%1 late</source>
        <translation>%1件</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/dialogs/recovery_dialog.py" line="34" />
        <source>Open with the recovery key</source>
        <translation>回復キーで開く</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialog.py" line="40" />
        <source>Type the 32 characters of the recovery sheet (hyphens and spaces are optional). On a new PC this binds the data to this PC; every member keeps their password. Use it also when every password is lost: then reset the manager's password under Staff.</source>
        <translation>リカバリーシートの32文字を入力してください（ハイフンや空白は省略できます）。新しいPCでは、データをこのPCに結び付け直します。各職員のパスワードはそのまま使えます。全員のパスワードが分からなくなったときにも使えます。その場合は「職員管理」で管理責任者のパスワードをリセットしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialog.py" line="72" />
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="184" />
        <source>The recovery sheet</source>
        <translation>リカバリーシート</translation>
    </message>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="187" />
        <source>This sheet is the only way to open the data on a new PC or when every password is lost. Print it (or save it to a USB stick) and keep it in the office safe.</source>
        <translation>新しいPCでデータを開くときや、全員のパスワードが分からなくなったときに使う唯一の手段です。印刷（またはUSBメモリに保存）して、事業所の金庫に保管してください。</translation>
    </message>
</context>
<context>
    <name>RecoverySheetDialog</name>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="150" />
        <source>New recovery sheet</source>
        <translation>新しいリカバリーシート</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="153" />
        <source>A new recovery key was issued; the old sheet no longer opens this data (backups made before today still open with it). Print or save the new sheet, keep it in the safe and shred the old one.</source>
        <translation>回復キーを再発行しました。古いリカバリーシートではこのデータを開けなくなりました（今日より前に作ったバックアップは古いシートで開けます）。新しいシートを印刷または保存して金庫に保管し、古いシートはシュレッダーで廃棄してください。</translation>
    </message>
</context>
<context>
    <name>RecoverySheetPanel</name>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="33" />
        <source>Preparing the sheet…</source>
        <translation>シートを準備しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="40" />
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="42" />
        <source>Save as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="45" />
        <source>I have printed or saved the recovery sheet and will keep it in the safe.</source>
        <translation>リカバリーシートを印刷または保存し、金庫に保管します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="78" />
        <location filename="../../ui/dialogs/recovery_sheet.py" line="86" />
        <source>Recovery sheet</source>
        <translation>リカバリーシート</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="90" />
        <source>Save the recovery sheet</source>
        <translation>リカバリーシートの保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="92" />
        <source>PDF (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="110" />
        <source>This folder is uploaded to OneDrive</source>
        <translation>このフォルダーは OneDrive にアップロードされます</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="112" />
        <source>The folder you chose is synchronised with OneDrive, so the recovery sheet would be copied to the cloud. Save it on a USB memory or in a folder that is not synchronised, and keep the printout in the safe.</source>
        <translation>選んだフォルダーは OneDrive と同期しているため、リカバリーシートがクラウドにコピーされます。USBメモリーか同期していないフォルダーに保存し、印刷したものは金庫に保管してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="120" />
        <source>Choose another place</source>
        <translation>別の場所を選ぶ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_sheet.py" line="122" />
        <source>Save here anyway</source>
        <translation>このまま保存する</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <location filename="../../ui/requester_wizard.py" line="74" />
        <source>The request and the requester</source>
        <translation>請求と請求者</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="77" />
        <source>Check that the one who made this request is the person, or their agent, with documents. No My Number is received or noted in this check.</source>
        <translation>この請求をした人が本人（又はその代理人）であることを、書類で確かめます。この確認では個人番号を受け取ったり書き留めたりしません。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="86" />
        <source>Request</source>
        <translation>請求</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="87" />
        <source>Whose data</source>
        <translation>本人（情報の主）</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="88" />
        <source>Requester</source>
        <translation>請求者</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="89" />
        <source>Received</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="95" />
        <source>Date of the check</source>
        <translation>確認した日</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="98" />
        <source>the answer sent by registered post to the address on the copy</source>
        <translation>本人確認書類の写しの住所あてに書留郵便で回答すること</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="102" />
        <source>What this request needs:</source>
        <translation>この請求で必要なもの：</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="118" />
        <source>Wrong channel or requester? Record the request as withdrawn and receive it again as it came.</source>
        <translation>受付方法や請求者が違っているときは、この請求を取下げとして記録し、実際のとおりに受け付け直してください。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="135" />
        <source>Enter the date of the check.</source>
        <translation>確認した日を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="137" />
        <source>The date of the check is in the future.</source>
        <translation>確認した日が未来の日付になっています。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="139" />
        <source>The check cannot be before the request was received.</source>
        <translation>確認した日を、請求を受け付けた日より前にはできません。</translation>
    </message>
</context>
<context>
    <name>RequesterWizard</name>
    <message>
        <location filename="../../ui/requester_wizard.py" line="276" />
        <source>Identity check of the requester: request No. %1</source>
        <translation>請求者の本人確認：請求 No.%1</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="327" />
        <source>Date</source>
        <translation>確認した日</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="328" />
        <source>Requester</source>
        <translation>請求者</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="329" />
        <source>Received</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="330" />
        <source>Documents</source>
        <translation>確認書類</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="332" />
        <source>Compared</source>
        <translation>照合</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="333" />
        <source>(the means itself)</source>
        <translation>（手段そのものによる確認）</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="337" />
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="337" />
        <source>by registered post to the copy's address</source>
        <translation>写しの住所あてに書留郵便で送付</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="340" />
        <source>Checked by</source>
        <translation>確認者</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="342" />
        <source>The request file will keep:</source>
        <translation>請求の記録に残す内容：</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="344" />
        <source>It keeps the kinds of documents only: never their numbers or images.</source>
        <translation>残すのは書類の種類だけです。書類の番号や画像は残しません。</translation>
    </message>
</context>
<context>
    <name>RequestsDialog</name>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="38" />
        <source>Requests for the My Number — %1</source>
        <translation>個人番号の提供依頼 － %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="42" />
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="42" />
        <location filename="../../ui/dialogs/requests_dialog.py" line="70" />
        <source>How</source>
        <translation>依頼の方法</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="42" />
        <location filename="../../ui/dialogs/requests_dialog.py" line="71" />
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="42" />
        <location filename="../../ui/dialogs/requests_dialog.py" line="72" />
        <source>Reason / course</source>
        <translation>理由・経過</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="54" />
        <source>e.g. 書面（依頼書を郵送）、口頭、電話</source>
        <translation>例：書面（依頼書を郵送）、口頭、電話</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="61" />
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="69" />
        <source>Requested on</source>
        <translation>依頼日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="74" />
        <source>Refusal record…</source>
        <translation>提供拒否経過記録…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/requests_dialog.py" line="142" />
        <location filename="../../ui/dialogs/requests_dialog.py" line="145" />
        <source>Refusal record</source>
        <translation>提供拒否経過記録</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="60" />
        <source>Requests from individuals</source>
        <translation>開示等の請求</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="63" />
        <source>Answer without delay (個人情報保護法第33条〜第35条). The target is set in the settings; after 2 weeks from receipt the requester may go to court (第39条).</source>
        <translation>請求には遅滞なく回答します（個人情報保護法第33条〜第35条）。回答の目標日数は設定で決めます。請求が届いてから2週間を過ぎると、請求者は訴えを起こせます（第39条）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="69" />
        <source>Show closed and withdrawn requests</source>
        <translation>完了・取下げの請求も表示する</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="76" />
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="77" />
        <source>Request</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="78" />
        <source>Requester (person)</source>
        <translation>請求者（対象の本人）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="79" />
        <source>Received</source>
        <translation>受付日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="80" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="81" />
        <source>Answer by</source>
        <translation>回答の目標</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="82" />
        <source>2 weeks</source>
        <translation>2週間の期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="91" />
        <source>Receive…</source>
        <translation>受付…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="95" />
        <source>Identify the requester…</source>
        <translation>請求者の本人確認…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="97" />
        <source>Decide…</source>
        <translation>決定…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="98" />
        <source>Notice (PDF)…</source>
        <translation>通知書（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="100" />
        <source>Mark as sent</source>
        <translation>通知済みにする</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="102" />
        <source>Close</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="103" />
        <source>Withdrawn…</source>
        <translation>取下げ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="104" />
        <source>History…</source>
        <translation>経過…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="106" />
        <source>Propose erasing the number…</source>
        <translation>個人番号の削除を提案…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="110" />
        <source>Filter by name</source>
        <translation>氏名で絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="113" />
        <location filename="../../ui/pages/requests_page.py" line="189" />
        <source>Discard expired files…</source>
        <translation>保存期間を過ぎた記録の廃棄…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="118" />
        <source>Blank request form (PDF)…</source>
        <translation>請求書の様式（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="187" />
        <source>Discard expired files (%1)…</source>
        <translation>保存期間を過ぎた記録の廃棄（%1件）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="293" />
        <source>Deletion run No. %1 proposed for this request. It is approved and executed on the retention page.</source>
        <translation>この請求による削除の実行計画 No. %1 を提案しました。承認と実行は「保存期間・削除」の画面で行います。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="334" />
        <source>Request No. %1 received. Identify the requester next.</source>
        <translation>請求 No. %1 を受け付けました。次に請求者の本人確認をしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="348" />
        <source>The requester is identified.</source>
        <translation>請求者の本人確認を記録しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="368" />
        <source>Decided. Make the corrections on the people page (「Correct…」, kept in the correction record), then print the notice: it lists them.</source>
        <translation>決定しました。訂正は「人員」の画面の「記録を訂正…」で行ってください（訂正の記録に残ります）。その後に通知書を作ると、訂正の内容が記載されます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="373" />
        <source>Decided. Print the notice and send it.</source>
        <translation>決定しました。通知書を作成して送付してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="387" />
        <source>Their own My Number</source>
        <translation>本人の個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="389" />
        <source>The person asked for their own My Number. Print it in this notice? It is printed once only, and the access log records it.</source>
        <translation>本人が自分の個人番号の開示を求めています。この通知書に記載しますか？記載は一度だけで、アクセス記録に残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="407" />
        <source>Notice</source>
        <translation>通知書</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="426" />
        <source>Recorded as sent (notice No. %1).</source>
        <translation>通知済みにしました（通知番号 第%1号）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="438" />
        <source>Closed. The file is kept until %1.</source>
        <translation>完了にしました。記録は %1 まで保存します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="449" />
        <source>Withdrawn</source>
        <translation>取下げ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="449" />
        <source>How was it withdrawn? (kept in the history)</source>
        <translation>取下げの経緯（経過に残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="457" />
        <source>Recorded as withdrawn.</source>
        <translation>取下げを記録しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="472" />
        <source>History</source>
        <translation>経過</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="490" />
        <source>%1 request files discarded.</source>
        <translation>請求の記録を%1件廃棄しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/requests_page.py" line="502" />
        <source>Request form</source>
        <translation>開示等請求書</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../ui/requester_wizard.py" line="262" />
        <source>The requester is identified.</source>
        <translation>請求者の本人確認ができました。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="264" />
        <source>Not enough to identify the requester.</source>
        <translation>請求者の本人確認が足りません。</translation>
    </message>
    <message>
        <location filename="../../ui/requester_wizard.py" line="260" />
        <location filename="../../ui/verification_check_pages.py" line="144" />
        <source>What is missing:</source>
        <translation>足りないこと：</translation>
    </message>
    <message>
        <location filename="../../ui/verification_check_pages.py" line="138" />
        <source>Why the check stops:</source>
        <translation>本人確認を中止する理由：</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="75" />
        <source>Retention and deletion</source>
        <translation>保存期間・削除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="93" />
        <source>Propose deleting all that are due…</source>
        <translation>削除できる番号をすべて削除提案…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="96" />
        <source>Propose deleting the selected…</source>
        <translation>選んだ番号の削除を提案…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="103" />
        <source>Hover over a row to see every reason and its legal basis.</source>
        <translation>行にマウスを合わせると、すべての理由と法令の根拠が表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="112" />
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="113" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="114" />
        <source>Trigger</source>
        <translation>きっかけ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="115" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="116" />
        <source>Proposed by</source>
        <translation>提案者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="117" />
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="125" />
        <source>Approve…</source>
        <translation>承認…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="128" />
        <source>Execute…</source>
        <translation>実行…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="131" />
        <source>Cancel the run</source>
        <translation>計画を取り消す</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="118" />
        <source>Executed by</source>
        <translation>実行者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="155" />
        <source>May be deleted now</source>
        <translation>今すぐ削除できる</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="156" />
        <source>Later this year</source>
        <translation>今年中に削除できる</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="157" />
        <source>Later years</source>
        <translation>来年以降</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="158" />
        <source>Deletion runs</source>
        <translation>削除の実行計画</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="159" />
        <source>Deletion records</source>
        <translation>削除・廃棄の記録</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="189" />
        <source>As of %1: may be deleted now %2; later this year %3; in later years %4; still in use (employment, dependency or contract continuing) %5.</source>
        <translation>%1現在：今すぐ削除できる番号 %2、今年中 %3、来年以降 %4。利用中（在職・扶養・契約が継続中）の番号 %5件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="288" />
        <source>Select the people first (Ctrl or Shift for several).</source>
        <translation>先に対象者を選んでください（複数はCtrlかShiftを押しながら）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="305" />
        <source>Run No. %1 proposed: it waits for approval.</source>
        <translation>実行計画 No. %1 を提案しました。承認を待っています。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="331" />
        <source>Approve run No. %1: the My Numbers of %2 people (%3). Proposed by %4.</source>
        <translation>実行計画 No. %1 を承認します：%2人分の個人番号（%3）。提案者：%4。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="347" />
        <source>Run No. %1 approved. It can now be executed.</source>
        <translation>実行計画 No. %1 を承認しました。実行できます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="357" />
        <source>Execute the deletion</source>
        <translation>削除の実行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="359" />
        <source>Delete the My Numbers of %1 people now? This cannot be undone. The deletion records stay; backups made earlier still hold the numbers until they expire.</source>
        <translation>%1人分の個人番号を今すぐ削除しますか？元に戻すことはできません。削除・廃棄の記録は残ります。これまでに作ったバックアップには、期限が来るまで番号が残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="366" />
        <source>Deleting… (all or nothing: the run cannot stop halfway)</source>
        <translation>削除しています…（全件か0件かのどちらかで、途中で止まることはありません）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="372" />
        <source>Deleted %1 numbers; %2 kept because they are no longer due.</source>
        <translation>%1件の個人番号を削除しました（削除できる日でなくなった%2件は残しました）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/retention_page.py" line="387" />
        <source>Run No. %1 cancelled.</source>
        <translation>実行計画 No. %1 を取り消しました。</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="289" />
        <source>Record leaving: %1</source>
        <translation>退職の登録：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="290" />
        <source>End of dependency: %1</source>
        <translation>扶養終了の登録：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="291" />
        <source>End of contract: %1</source>
        <translation>契約終了の登録：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="297" />
        <source>Why does it end?</source>
        <translation>終了の理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="301" />
        <source>The number is not deleted now: it must be kept while the documents that hold it must be kept, and the retention list shows from when it may be deleted.</source>
        <translation>個人番号はこの時点では削除しません。番号が記載された書類の保存期間が終わるまで保管が必要で、いつから削除できるかは保存期間の一覧に表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="311" />
        <source>Last day</source>
        <translation>最終日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="312" />
        <source>Reason *</source>
        <translation>理由 *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_dialog.py" line="333" />
        <source>Enter the last day, such as 2026-03-31.</source>
        <translation>最終日を 2026-03-31 のように入力してください。</translation>
    </message>
</context>
<context>
    <name>RetirementSlipDialog</name>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="81" />
        <source>Retirement income slip: %1</source>
        <translation>退職所得の源泉徴収票：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="88" />
        <source>Enter the retirement allowance paid in the year, in yen. The copy for the recipient carries no My Number or corporate number.</source>
        <translation>選んだ年中に支払った退職手当等を円単位で入力してください。受給者交付用には、個人番号も法人番号も記載されません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="99" />
        <source>Payments</source>
        <translation>支払金額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="100" />
        <source>Income tax withheld</source>
        <translation>源泉徴収税額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="101" />
        <source>Municipal tax</source>
        <translation>市町村民税</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="102" />
        <source>Prefectural tax</source>
        <translation>道府県民税</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="105" />
        <source>Ordinary</source>
        <translation>一般（第201条第1項第1号）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="106" />
        <source>Specified officer / short service</source>
        <translation>特定役員・短期（第201条第1項第2号）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="107" />
        <source>No declaration submitted (20.42%)</source>
        <translation>申告書の提出なし（20.42%）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="109" />
        <source>Special levy (resident tax)</source>
        <translation>特別徴収税額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="119" />
        <source>%1: %2</source>
        <translation>%1の%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="130" />
        <source>Retirement income deduction</source>
        <translation>退職所得控除額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="140" />
        <source>Joined on</source>
        <translation>就職年月日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="141" />
        <source>Left on</source>
        <translation>退職年月日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="145" />
        <source>Years of service</source>
        <translation>勤続年数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="150" />
        <source>Recipient's address</source>
        <translation>住所又は居所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="151" />
        <source>Address on 1 January of the year of payment</source>
        <translation>支払を受けた年の1月1日の住所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="152" />
        <source>Position</source>
        <translation>役職名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="153" />
        <source>Remarks</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="161" />
        <source>(blank: ordinary retirement allowance)</source>
        <translation>（空欄：通常の退職手当等）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="164" />
        <source>Payout code</source>
        <translation>番号（退職手当等の種類）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="168" />
        <source>For the recipient (no numbers)</source>
        <translation>受給者交付用（番号なし）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="169" />
        <source>For the tax office</source>
        <translation>税務署提出用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="170" />
        <source>Special levy slip for the municipality</source>
        <translation>特別徴収票（市区町村提出用）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="171" />
        <source>Copy</source>
        <translation>帳票の種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="175" />
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="189" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="192" />
        <source>Preview…</source>
        <translation>プレビュー…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="202" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/retirement_slip_dialog.py" line="323" />
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <location filename="../../ui/saving.py" line="45" />
        <source>The file is open</source>
        <translation>ファイルが開かれています</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="45" />
        <source>%1 could not be written: it is open in another program (such as Excel or Acrobat), or it is read-only. Close it there and save again, or save it under another name.</source>
        <translation>%1 に書き込めませんでした。ほかのプログラム（Excel や Acrobat など）で開かれているか、読み取り専用になっています。そのプログラムでファイルを閉じてから保存し直すか、別の名前で保存してください。</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="52" />
        <location filename="../../ui/saving.py" line="56" />
        <source>Could not save</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="52" />
        <source>%1 could not be written: the disk is full. Free some space or choose another place.</source>
        <translation>%1 に書き込めませんでした。ディスクの空き容量が不足しています。空き容量を確保するか、別の場所を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="56" />
        <source>%1 could not be written. Check that the folder exists and that you may write to it, or choose another place.</source>
        <translation>%1 に書き込めませんでした。フォルダーがあること、書き込みの権限があることを確認するか、別の場所を選んでください。</translation>
    </message>
</context>
<context>
    <name>ScanViewDialog</name>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="270" />
        <source>Copy of a document</source>
        <translation>本人確認書類の写し</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="293" />
        <source>This image cannot be shown.</source>
        <translation>この画像は表示できません。</translation>
    </message>
</context>
<context>
    <name>SelectionTab</name>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="114" />
        <source>Check beforehand that the consignee meets the office's standard on each point (規程第42条第3項). Point the mouse at a point for the regulation's words.</source>
        <translation>委託の前に、各項目が当法人の定める水準を満たしているか確認します（規程第42条第3項）。項目にマウスを合わせると規程の文言を表示します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="128" />
        <source>How it was checked (visit, questionnaire, documents)</source>
        <translation>確認の方法（訪問、チェックシート、資料など）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="133" />
        <source>Save the check</source>
        <translation>確認を保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="135" />
        <source>Checked on:</source>
        <translation>確認日：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="154" />
        <source>Last recorded by %1.</source>
        <translation>最終記録者：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="164" />
        <source>Enter the day it was checked.</source>
        <translation>確認日を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_tabs.py" line="169" />
        <source>The selection check was saved.</source>
        <translation>選定の確認を保存しました。</translation>
    </message>
</context>
<context>
    <name>SelfInspectionTab</name>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="51" />
        <source> (year)</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="54" />
        <source>Preview and print the report…</source>
        <translation>報告書を表示・印刷…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="62" />
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="62" />
        <source>Finding</source>
        <translation>確認結果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="66" />
        <source>Year inspected</source>
        <translation>点検する年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="72" />
        <source>The report is made from what the program holds for the year: accounts, reveals per member, numbers past their date, unconfirmed outputs, incidents, overdue work, training, the account review and the access-log check. The 事務取扱責任者 and the 特定個人情報管理責任者 sign the printed report.</source>
        <translation>報告書は、この年にプログラムに記録された情報から作成します（アカウントと役割、職員別の個人番号の表示、保存期間を過ぎた個人番号、確認のない出力、漏えい等事案、期限を過ぎた作業、研修、アカウントの棚卸し、アクセス記録の検証）。印刷した報告書に事務取扱責任者と特定個人情報管理責任者が署名します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="105" />
        <source>%1 items need attention.</source>
        <translation>確認が必要な項目が%1件あります。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="109" />
        <source>No item needs attention.</source>
        <translation>確認が必要な項目はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="118" />
        <source>Self-inspection report</source>
        <translation>自己点検報告書</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspection_tabs.py" line="123" />
        <source>%1 (year)</source>
        <translation>%1年</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="57" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="61" />
        <source>Each change is recorded in the access log.</source>
        <translation>変更はすべてアクセス記録に残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="69" />
        <source>Sender, contact and corporate number (printed on the notices and forms)</source>
        <translation>差出人・連絡先・法人番号（通知書・請求書・法定調書に印刷）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="76" />
        <source>e.g. 特定個人情報管理責任者 総務部長 (empty: 特定個人情報管理責任者)</source>
        <translation>例：特定個人情報管理責任者 総務部長（空欄なら「特定個人情報管理責任者」）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="82" />
        <source>e.g. 山田 一郎 (empty: the manager, when there is one)</source>
        <translation>例：山田 一郎（空欄なら管理責任者の氏名。管理責任者が1人のときのみ）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="87" />
        <source>e.g. 総務部 個人情報相談窓口</source>
        <translation>例：総務部 個人情報相談窓口</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="91" />
        <source>e.g. 〒100-0001 東京都千代田区…</source>
        <translation>例：〒100-0001 東京都千代田区…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="95" />
        <source>e.g. 03-1234-5678</source>
        <translation>例：03-1234-5678</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="99" />
        <source>13 digits</source>
        <translation>13桁の数字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="108" />
        <source>Printed as the payer's number on the statutory forms (withholding slips, payment records, summary table), never on the copies for recipients or payees. Leave it empty if the office has none (a sole proprietor).</source>
        <translation>源泉徴収票・支払調書・合計表の提出用に、支払者の法人番号として印刷します（本人・支払先に渡す控えには印刷しません）。法人番号のない事業所（個人事業者）は空欄のままにしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="126" />
        <source>Sender's title</source>
        <translation>差出人の役職</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="127" />
        <source>Sender's name</source>
        <translation>差出人の氏名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="128" />
        <source>Desk for requests and complaints</source>
        <translation>請求・苦情の窓口</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="129" />
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="130" />
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="131" />
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="132" />
        <source>Save the sender, contact and number</source>
        <translation>差出人・連絡先・法人番号を保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="140" />
        <source>This PC</source>
        <translation>このPC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="149" />
        <source>Display language (after restart)</source>
        <translation>表示言語（再起動後に反映）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="171" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="222" />
        <source>The sender, contact and corporate number are saved.</source>
        <translation>差出人・連絡先・法人番号を保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="252" />
        <source>Nothing was changed.</source>
        <translation>変更された項目はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="261" />
        <source>Saved %1 setting(s).</source>
        <translation>%1件の設定を保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="269" />
        <source>The display language changes the next time you start.</source>
        <translation>表示言語は次回の起動から変わります。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin_dialog.py" line="54" />
        <location filename="../../ui/signin_dialog.py" line="95" />
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="57" />
        <source>MyNumber Desk</source>
        <translation>マイナンバー管理デスク</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="60" />
        <source>Sign in with your own user name and password.</source>
        <translation>ご自分のユーザー名とパスワードでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="67" />
        <source>Caps Lock is on.</source>
        <translation>Caps Lock がオンになっています。</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="81" />
        <source>Demo folder: this PC's secret is kept in a file, not in the Windows credential store. Do not enter real My Numbers.</source>
        <translation>デモ用のデータフォルダーです。PCに結び付ける秘密鍵がWindowsの資格情報ではなくファイルに保存されています。実際の個人番号は登録しないでください。</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="91" />
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="92" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="100" />
        <source>Use the recovery key…</source>
        <translation>回復キーを使う…</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="152" />
        <source>Confirm quitting</source>
        <translation>終了の確認</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="153" />
        <source>Quit MyNumber Desk?</source>
        <translation>マイナンバー管理デスクを終了しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="158" />
        <source>Quit</source>
        <translation>終了する</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="160" />
        <source>Back to sign-in</source>
        <translation>サインインに戻る</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="171" />
        <source>Enter your user name and password.</source>
        <translation>ユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="206" />
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="222" />
        <source>Choose your password</source>
        <translation>パスワードの設定</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="224" />
        <source>This is your first sign-in, or your password was reset. Choose your own password; the temporary one stops working.</source>
        <translation>初回のサインイン、またはパスワードがリセットされた後のサインインです。ご自分のパスワードを設定してください。仮パスワードは使えなくなります。</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="236" />
        <source>You must choose your own password before signing in.</source>
        <translation>サインインするには、ご自分のパスワードを設定する必要があります。</translation>
    </message>
</context>
<context>
    <name>SlipPaperBox</name>
    <message>
        <location filename="../../ui/widgets/slip_paper.py" line="27" />
        <source>A4, two slips per sheet (enlarged)</source>
        <translation>A4に2枚（拡大）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slip_paper.py" line="29" />
        <source>A4, four slips per sheet (actual size, crop marks)</source>
        <translation>A4に4枚（実寸・トンボ付き）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slip_paper.py" line="31" />
        <source>A6, one slip per sheet (actual size)</source>
        <translation>A6に1枚（実寸）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slip_paper.py" line="32" />
        <source>Pre-printed forms (values only)</source>
        <translation>専用用紙（値のみ印字）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slip_paper.py" line="35" />
        <source>Pre-printed forms: only the values are printed, two slips on A4, moved by the position saved for the printer.</source>
        <translation>専用用紙には値だけを印字します（A4に2枚）。印刷位置は、印刷するプリンターに保存した補正に合わせます。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slip_paper.py" line="39" />
        <source>Print position…</source>
        <translation>印刷位置の補正…</translation>
    </message>
</context>
<context>
    <name>SlipYearBox</name>
    <message>
        <location filename="../../ui/widgets/slip_year.py" line="32" />
        <source>%1 (%2)</source>
        <translation>%1年分（%2分）</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="46" />
        <source>Add staff member</source>
        <translation>職員の追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="46" />
        <source>Roles and scope</source>
        <translation>役割と担当範囲</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="61" />
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="78" />
        <source>Scope (work and people this member handles)</source>
        <translation>担当範囲（担当する事務と対象者）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="80" />
        <source>Work (purposes)</source>
        <translation>事務（利用目的）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="87" />
        <source>People</source>
        <translation>人員</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="101" />
        <source>e.g. 総務部、営業部</source>
        <translation>例：総務部、営業部</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="105" />
        <source>Departments (separate with 、)</source>
        <translation>部署（「、」で区切る）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="110" />
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="111" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="113" />
        <source>Temporary password</source>
        <translation>仮パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="114" />
        <source>Temporary password (again)</source>
        <translation>仮パスワード（確認）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="133" />
        <source>The member must choose their own password at the first sign-in.</source>
        <translation>本人は初回サインイン時に自分のパスワードを設定します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="173" />
        <source>Choose at least one role.</source>
        <translation>役割を1つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/staff_dialog.py" line="176" />
        <source>The two passwords differ.</source>
        <translation>2つのパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="59" />
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="61" />
        <source>Roles and scope…</source>
        <translation>役割と担当範囲…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="63" />
        <source>Reset password…</source>
        <translation>パスワードのリセット…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="66" />
        <source>Unlock account</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="70" />
        <source>Let a member locked out after failed sign-ins try again at once.</source>
        <translation>サインインの失敗でアカウントがロックされた職員が、すぐにもう一度サインインできるようにします。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="72" />
        <source>Disable</source>
        <translation>無効化</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="83" />
        <source>Staff accounts</source>
        <translation>職員アカウント</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="158" />
        <source>Please note</source>
        <translation>ご注意</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="169" />
        <source>Your roles changed</source>
        <translation>役割が変わりました</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="171" />
        <source>Your own roles were changed and apply from now on. The pages in the menu follow your roles after you sign in again. Sign in again now?</source>
        <translation>ご自分の役割を変更しました。権限は今から新しい役割のとおりになります。左のメニューに表示されるページは、サインインし直すと新しい役割に合わせて変わります。今すぐサインインし直しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="186" />
        <source>add a staff member</source>
        <translation>職員を追加する</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="195" />
        <source>Added %1.</source>
        <translation>%1 を追加しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="213" />
        <source>change roles and scope</source>
        <translation>役割と担当範囲を変更する</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="215" />
        <source>Changed %1.</source>
        <translation>%1 を変更しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="223" />
        <source>Reset password</source>
        <translation>パスワードのリセット</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="225" />
        <source>Give %1 a temporary password. They must choose their own at the next sign-in. A disabled account is enabled again.</source>
        <translation>%1 に仮パスワードを設定します。次回のサインイン時に本人がパスワードを設定し直します。無効のアカウントは有効に戻ります。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="237" />
        <source>reset a password</source>
        <translation>パスワードをリセットする</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="239" />
        <source>Reset the password of %1.</source>
        <translation>%1 のパスワードをリセットしました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="247" />
        <source>unlock an account</source>
        <translation>アカウントのロックを解除する</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="249" />
        <source>Unlocked %1.</source>
        <translation>%1 のロックを解除しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="258" />
        <source>Disable account</source>
        <translation>アカウントの無効化</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="260" />
        <source>Disable %1? They can no longer sign in; the record and its history stay.</source>
        <translation>%1 のアカウントを無効にしますか？サインインできなくなります。記録と履歴は残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="266" />
        <source>disable an account</source>
        <translation>アカウントを無効にする</translation>
    </message>
    <message>
        <location filename="../../ui/pages/staff_page.py" line="268" />
        <source>Disabled %1.</source>
        <translation>%1 を無効にしました。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="31" />
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="32" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="33" />
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="34" />
        <source>Scope</source>
        <translation>担当範囲</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="35" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="84" />
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="86" />
        <source>Locked (until unlocked)</source>
        <translation>ロック中（解除が必要）</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="91" />
        <source>Locked (until %1)</source>
        <translation>ロック中（%1まで）</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="93" />
        <source>Must set own password</source>
        <translation>要パスワード設定</translation>
    </message>
    <message>
        <location filename="../../ui/models/staff_table_model.py" line="94" />
        <source>Active</source>
        <translation>有効</translation>
    </message>
</context>
<context>
    <name>StatutoryOutput</name>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="65" />
        <source>Payer</source>
        <translation>支払者の氏名又は名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="66" />
        <source>Payer's address</source>
        <translation>支払者の住所（所在地）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="67" />
        <source>Payer's phone</source>
        <translation>支払者の電話番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="68" />
        <source>Corporate number</source>
        <translation>支払者の法人番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="99" />
        <source>Paper (print)</source>
        <translation>紙（印刷）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="102" />
        <source>PDF (encrypted, password sent separately)</source>
        <translation>PDF（暗号化、パスワードは別途連絡）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="107" />
        <source>Submitted to</source>
        <translation>提出先・交付先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="108" />
        <source>Output as</source>
        <translation>出力の方法</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="136" />
        <source>Bulk output of My Numbers</source>
        <translation>個人番号の一括出力</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/statutory_output.py" line="137" />
        <source>Reason:</source>
        <translation>出力する理由：</translation>
    </message>
</context>
<context>
    <name>SubConsigneeDialog</name>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="253" />
        <source>Approve a sub-consignee</source>
        <translation>再委託の許諾</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="254" />
        <source>Approve the sub-consignee</source>
        <translation>許諾する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="262" />
        <source>The sub-consignment contract holds clauses equal to the ten of 第42条第4項 (第43条第3項)</source>
        <translation>再委託契約に第42条第4項と同等の規定が盛り込まれていることを確認した（第43条第3項）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="267" />
        <source>Sub-consignee</source>
        <translation>再委託先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="268" />
        <source>Work sub-consigned</source>
        <translation>再委託する業務</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="269" />
        <source>Approved on</source>
        <translation>許諾日</translation>
    </message>
</context>
<context>
    <name>SubjectPage</name>
    <message>
        <location filename="../../ui/verification_pages.py" line="76" />
        <source>Whose number is it?</source>
        <translation>確認の対象</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="78" />
        <source>Choose for which form the number is received; the rules depend on it.</source>
        <translation>何の届出のために番号を受け取るかを選んでください。必要な確認が変わります。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="99" />
        <source>Date of the check</source>
        <translation>確認日</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="106" />
        <source>Collected for (purposes notified to the person)</source>
        <translation>利用目的（本人に通知したもの）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="117" />
        <source>Collected for: %1</source>
        <translation>利用目的：%1</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="145" />
        <source>Enter the date of the check.</source>
        <translation>確認日を 2026-04-01 のように入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="147" />
        <source>The date of the check is in the future.</source>
        <translation>確認日が未来の日付になっています。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="149" />
        <source>The date is before 2015-10-05, when the My Number Act took effect.</source>
        <translation>確認日が2015年10月5日（番号法の施行）より前になっています。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="151" />
        <source>Choose at least one purpose.</source>
        <translation>利用目的を1つ以上選んでください。</translation>
    </message>
</context>
<context>
    <name>SubsTab</name>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="34" />
        <source>Approve a sub-consignee…</source>
        <translation>再委託を許諾…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="36" />
        <source>Withdraw the approval</source>
        <translation>許諾を取り消す</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="41" />
        <source>Sub-consignee</source>
        <translation>再委託先</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="42" />
        <source>Work sub-consigned</source>
        <translation>再委託する業務</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="43" />
        <source>Approved on</source>
        <translation>許諾日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="44" />
        <source>By</source>
        <translation>許諾者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="45" />
        <source>Withdrawn on</source>
        <translation>取消日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="52" />
        <source>Sub-consignment only with the office's approval; its contract holds the same clauses (規程第43条).</source>
        <translation>再委託は当法人の許諾を得た場合に限ります。再委託契約にも同等の規定を盛り込ませます（規程第43条）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="86" />
        <source>The sub-consignee was approved.</source>
        <translation>再委託を許諾しました。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="92" />
        <source>Select a sub-consignee.</source>
        <translation>再委託先を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/consignee_records.py" line="97" />
        <source>The approval was withdrawn.</source>
        <translation>許諾を取り消しました。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/first_run_wizard.py" line="205" />
        <source>Ready</source>
        <translation>設定完了</translation>
    </message>
</context>
<context>
    <name>SummaryTableDialog</name>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="42" />
        <source>Summary table of statutory records (Reiwa %1)</source>
        <translation>法定調書合計表（令和%1年分）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="47" />
        <source>The totals of the records saved for Reiwa %1, per form: everyone paid, and those whose record is submitted to the tax office.</source>
        <translation>令和%1年分として保存した内容の合計です。帳票ごとに、支払った人全員の合計と、税務署に提出するものの合計を示します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="58" />
        <source>Form</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="59" />
        <source>People</source>
        <translation>人員</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="60" />
        <source>Payments</source>
        <translation>支払金額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="61" />
        <source>Tax withheld</source>
        <translation>源泉徴収税額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="62" />
        <source>Records submitted</source>
        <translation>提出枚数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="74" />
        <source>Preview…</source>
        <translation>プレビュー…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="95" />
        <source>Total</source>
        <translation>総額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/summary_table_dialog.py" line="95" />
        <source>Submitted</source>
        <translation>提出するもの</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="50" />
        <location filename="../../ui/pages/training_tab.py" line="108" />
        <source>Held on</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="50" />
        <location filename="../../ui/pages/training_tab.py" line="109" />
        <source>Title</source>
        <translation>研修名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="50" />
        <location filename="../../ui/pages/training_tab.py" line="110" />
        <source>Trainer</source>
        <translation>講師</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="50" />
        <location filename="../../ui/pages/training_tab.py" line="113" />
        <location filename="../../ui/pages/training_tab.py" line="191" />
        <source>Attendees</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="78" />
        <source>Record a training</source>
        <translation>研修を記録</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="97" />
        <source>Others without an account, separated by 、</source>
        <translation>アカウントのない参加者（「、」で区切る）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="99" />
        <source>Record the training</source>
        <translation>研修を記録する</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="111" />
        <location filename="../../ui/pages/training_tab.py" line="189" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="112" />
        <location filename="../../ui/pages/training_tab.py" line="190" />
        <source>Materials</source>
        <translation>資料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="146" />
        <source>%1 people</source>
        <translation>%1人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="156" />
        <source>No training has been recorded yet.</source>
        <translation>研修の記録はまだありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="160" />
        <source>The next training was due on %1.</source>
        <translation>次回の研修の期限（%1）を過ぎています。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="167" />
        <source>The next training is due by %1.</source>
        <translation>次回の研修の期限は%1です。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="192" />
        <source>Recorded by</source>
        <translation>記録者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="213" />
        <source>Enter the day the training was held.</source>
        <translation>研修の実施日を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/training_tab.py" line="221" />
        <source>The training was recorded.</source>
        <translation>研修を記録しました。</translation>
    </message>
</context>
<context>
    <name>VerificationWizard</name>
    <message>
        <location filename="../../ui/verification_wizard.py" line="72" />
        <source>Identity check: %1</source>
        <translation>本人確認：%1</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="93" />
        <source>(no birth date on record)</source>
        <translation>（生年月日の登録なし）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="230" />
        <source>Date</source>
        <translation>確認日</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="231" />
        <source>For</source>
        <translation>確認の対象</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="232" />
        <source>Purposes</source>
        <translation>利用目的</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="237" />
        <location filename="../../ui/verification_wizard.py" line="269" />
        <source>Provided by</source>
        <translation>番号の提供者</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="242" />
        <source>Received</source>
        <translation>確認の方法</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="244" />
        <source>Documents</source>
        <translation>確認した書類</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="253" />
        <source>Compared</source>
        <translation>照合した項目</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="257" />
        <source>Photo and face</source>
        <translation>顔写真の照合</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="260" />
        <source>Why not the usual document</source>
        <translation>通常の書類を出せなかった理由</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="269" />
        <source>%1 (employee)</source>
        <translation>%1（従業員）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="270" />
        <source>On the form</source>
        <translation>番号が書かれた書類</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="275" />
        <source>Rests on</source>
        <translation>根拠となる記録</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="276" />
        <source>the identity check of %1 (record No. %2)</source>
        <translation>%1さんの本人確認記録（記録番号 No. %2）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="283" />
        <source>Checked by</source>
        <translation>記録者</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="285" />
        <source>The record will keep:</source>
        <translation>本人確認記録に残す内容：</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="287" />
        <source>It never keeps the My Number, the documents' own numbers or any image.</source>
        <translation>個人番号、書類の番号（免許証番号など）、画像は記録しません。</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="302" />
        <source>— (one My Number Card: nothing to compare)</source>
        <translation>—（個人番号カード1枚のため照合は不要）</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="308" />
        <source>same person</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="308" />
        <source>does not match</source>
        <translation>一致しない</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="312" />
        <source>the person</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../ui/verification_wizard.py" line="313" />
        <source>the agent</source>
        <translation>代理人</translation>
    </message>
</context>
<context>
    <name>VerificationsDialog</name>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="47" />
        <source>Identity check records — %1</source>
        <translation>本人確認記録 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="52" />
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="53" />
        <source>Checked on</source>
        <translation>確認日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="54" />
        <source>Received</source>
        <translation>確認の方法</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="55" />
        <source>Provided by</source>
        <translation>番号の提供者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="56" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="57" />
        <source>Checked by</source>
        <translation>記録者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="65" />
        <source>No identity check has been recorded for this person.</source>
        <translation>この対象者の本人確認記録はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="68" />
        <source>The records keep document types only, never a number or image.</source>
        <translation>本人確認記録には書類の種類だけを残し、個人番号や画像は残しません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="70" />
        <source>Show the record (PDF)…</source>
        <translation>本人確認記録を表示（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="110" />
        <source>Copies of the documents (encrypted)</source>
        <translation>本人確認書類の写し（暗号化して保存）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="118" />
        <source>Add a copy…</source>
        <translation>写しを追加…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="121" />
        <source>View</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="124" />
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="181" />
        <source>A copy of a card's back or a 住民票 is specific personal information too: keep only what you need, and delete the file you added from your PC yourself.</source>
        <translation>個人番号カードの裏面や住民票の写しも特定個人情報です。必要なものだけを保存し、取り込んだ元のファイルはPCから削除してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="185" />
        <source>Adding copies is switched off in the settings.</source>
        <translation>写しの追加は設定で無効になっています（保存済みの写しの表示・削除はできます）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="198" />
        <source>Copy of a document</source>
        <translation>本人確認書類の写し</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="200" />
        <source>Images or PDF (*.png *.jpg *.jpeg *.pdf)</source>
        <translation>画像またはPDF (*.png *.jpg *.jpeg *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="231" />
        <source>Delete the copy</source>
        <translation>写しの削除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="232" />
        <source>Delete this copy of the document? It cannot be restored.</source>
        <translation>この書類の写しを削除しますか？元に戻すことはできません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/verifications_dialog.py" line="255" />
        <location filename="../../ui/dialogs/verifications_dialog.py" line="257" />
        <source>Identity check record</source>
        <translation>本人確認記録</translation>
    </message>
</context>
<context>
    <name>WithholdingSlipDialog</name>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="59" />
        <source>Withholding slip: %1</source>
        <translation>源泉徴収票：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="76" />
        <source>For the employee (no numbers)</source>
        <translation>受給者交付用（個人番号なし）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="77" />
        <source>For the tax office</source>
        <translation>税務署提出用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="78" />
        <source>Salary payment report for the municipality</source>
        <translation>給与支払報告書（個人別明細書）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="86" />
        <source>Paper (print)</source>
        <translation>紙（印刷）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="88" />
        <source>PDF (encrypted, password sent separately)</source>
        <translation>PDF（暗号化、パスワードは別途連絡）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="98" />
        <source>Copy</source>
        <translation>帳票の種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="99" />
        <source>Submitted to</source>
        <translation>提出先・交付先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="100" />
        <source>Output as</source>
        <translation>出力の方法</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="101" />
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="128" />
        <source>Printing</source>
        <translation>印刷・出力</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="115" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="66" />
        <source>The amounts of the year from the year-end adjustment, in yen: imported from payroll data or typed here. Save keeps them; the copy for the employee carries no My Number.</source>
        <translation>選んだ年分の年末調整の結果の金額（円）です。給与データから取り込むか、ここで入力します。「保存」で記録されます。受給者交付用には個人番号は記載されません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="120" />
        <source>Preview…</source>
        <translation>プレビュー…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="137" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="170" />
        <source>Nothing is saved for this year yet.</source>
        <translation>この年分の金額はまだ保存されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="173" />
        <source>Showing the amounts imported from payroll data (%1).</source>
        <translation>給与データ（%1）から取り込んだ金額を表示しています。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="178" />
        <source>Showing the amounts saved before.</source>
        <translation>保存済みの金額を表示しています。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="199" />
        <source>Nothing changed: the saved amounts are the same.</source>
        <translation>変更はありません（保存済みの内容と同じです）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="202" />
        <source>Saved (%1 items changed). The change is kept in the access log.</source>
        <translation>保存しました（%1項目を変更）。変更はアクセス記録に残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="272" />
        <source>Bulk output of My Numbers</source>
        <translation>個人番号の一括出力</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withholding_slip_dialog.py" line="272" />
        <source>Reason:</source>
        <translation>出力する理由：</translation>
    </message>
</context>
<context>
    <name>YearEndFields</name>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="44" />
        <source>Payments</source>
        <translation>支払金額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="45" />
        <source>Income after employment income deduction</source>
        <translation>給与所得控除後の金額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="46" />
        <source>Total income deductions</source>
        <translation>所得控除の額の合計額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="47" />
        <source>Tax withheld</source>
        <translation>源泉徴収税額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="48" />
        <source>Spouse (special) deduction</source>
        <translation>配偶者（特別）控除の額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="49" />
        <source>Specified relative special deduction</source>
        <translation>特定親族特別控除の額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="50" />
        <source>Social insurance premiums</source>
        <translation>社会保険料等の金額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="51" />
        <source>Life insurance deduction</source>
        <translation>生命保険料の控除額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="52" />
        <source>Earthquake insurance deduction</source>
        <translation>地震保険料の控除額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="53" />
        <source>Housing loan credit</source>
        <translation>住宅借入金等特別控除の額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="54" />
        <source>Basic deduction</source>
        <translation>基礎控除の額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="55" />
        <source>Income adjustment deduction</source>
        <translation>所得金額調整控除額</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="68" />
        <source>Amounts (yen)</source>
        <translation>金額（円）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="71" />
        <source>Company officer during the year</source>
        <translation>役員（年の途中で役員だった場合を含む）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="75" />
        <source>Lawyer, judicial scrivener, tax accountant or similar</source>
        <translation>弁護士・司法書士・税理士等</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="80" />
        <source>(adjusted at year end)</source>
        <translation>（年末調整済み）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="84" />
        <source>Left during the year</source>
        <translation>年の中途で退職</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="85" />
        <source>Tax deferred for a disaster</source>
        <translation>災害により源泉徴収の猶予</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="86" />
        <source>Main salary over 20 million yen</source>
        <translation>主たる給与が2,000万円超</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="87" />
        <source>No dependants declaration (column B)</source>
        <translation>扶養控除等申告書の提出なし（乙欄）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="92" />
        <source>Left on</source>
        <translation>退職年月日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="111" />
        <source>Year-end adjustment not done</source>
        <translation>年末調整をしなかった理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/year_end_fields.py" line="113" />
        <source>Facts of the year</source>
        <translation>この年の事実</translation>
    </message>
</context>
<context>
    <name>YearEndPage</name>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="53" />
        <source>Year-end adjustment and statutory forms</source>
        <translation>年末調整・法定調書</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="57" />
        <source>%1 forms</source>
        <translation>%1年分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="65" />
        <source>Payroll data…</source>
        <translation>給与データ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="68" />
        <source>Import the year's amounts for the withholding slips from payroll software</source>
        <translation>源泉徴収票のための1年分の金額を、給与ソフトのデータから取り込みます</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="72" />
        <source>Summary table…</source>
        <translation>合計表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="76" />
        <source>The summary table of the statutory records of the year, from what was saved for it</source>
        <translation>この年分として保存した内容から、法定調書合計表を作ります</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="113" />
        <source>For the tax office</source>
        <translation>税務署提出用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="114" />
        <source>Salary payment report for the municipality</source>
        <translation>給与支払報告書（個人別明細書）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="115" />
        <source>For the employee (no numbers)</source>
        <translation>受給者交付用（個人番号なし）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="123" />
        <source>Paper (print)</source>
        <translation>紙（印刷）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="125" />
        <source>PDF (encrypted, password sent separately)</source>
        <translation>PDF（暗号化、パスワードは別途連絡）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="127" />
        <source>Select those to submit</source>
        <translation>提出が必要な人を選択</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="130" />
        <source>Print the selected…</source>
        <translation>選択した人を印刷…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="136" />
        <source>Enter amounts…</source>
        <translation>金額を入力…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="139" />
        <source>Type or correct the selected employee's amounts (or double-click the row)</source>
        <translation>選んだ従業員の金額を入力・訂正します（行のダブルクリックでも開きます）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="153" />
        <source>Copy to print</source>
        <translation>帳票の種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="154" />
        <source>Submitted to</source>
        <translation>提出先・交付先</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="155" />
        <source>Output as</source>
        <translation>出力の方法</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="204" />
        <source>The %1 forms are due by %2. Slips to submit to the tax office: %3.</source>
        <translation>%1年分の提出期限は%2です。税務署に提出する枚数: %3枚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="215" />
        <source>%1 must be filed electronically (e-Tax, optical disc or certified cloud): %2 slips were due for %3, the threshold is %4.</source>
        <translation>%1はe-Tax・光ディスク等・認定クラウドでの提出が必要です（%3年分の提出枚数 %2枚、基準 %4枚以上）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="227" />
        <source>%1: %2 slips this year. From the %3 forms they must be filed electronically (30 or more).</source>
        <translation>%1は今年分が%2枚です。%3年分からはe-Tax等での提出が必要になります（30枚以上）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="237" />
        <source>Employees whose year-end content is not entered yet: %1.</source>
        <translation>年末調整の内容が未入力の従業員: %1人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="250" />
        <source>%1: %2 slips, %3 to the tax office</source>
        <translation>%1 %2枚（税務署へ提出 %3枚）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="256" />
        <source>, %1 salary payment reports</source>
        <translation>、給与支払報告書 %1枚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="259" />
        <source>For the summary table: %1</source>
        <translation>合計表の集計: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="259" />
        <source>; </source>
        <translation>／</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="261" />
        <source>No year-end content is entered for this year yet.</source>
        <translation>この年分の年末調整の内容はまだ入力されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_page.py" line="297" />
        <source>%1 selected</source>
        <translation>%1人を選択</translation>
    </message>
</context>
<context>
    <name>YearEndTableModel</name>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="33" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="34" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="35" />
        <source>Forms</source>
        <translation>帳票</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="36" />
        <source>Tax office</source>
        <translation>税務署</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="37" />
        <source>Municipality</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="38" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="39" />
        <source>Entry</source>
        <translation>入力状況</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="78" />
        <source>Entered</source>
        <translation>入力済み</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="78" />
        <source>Not entered</source>
        <translation>未入力</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="80" />
        <source>Not entered yet: cannot be decided</source>
        <translation>未入力のため判定できません</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="84" />
        <location filename="../../ui/models/year_end_table_model.py" line="92" />
        <source>Required</source>
        <translation>提出が必要</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="84" />
        <location filename="../../ui/models/year_end_table_model.py" line="95" />
        <source>Not required</source>
        <translation>提出は不要</translation>
    </message>
    <message>
        <location filename="../../ui/models/year_end_table_model.py" line="94" />
        <source>Optional</source>
        <translation>提出は任意</translation>
    </message>
</context>
<context>
    <name>YearEndTaskCard</name>
    <message>
        <location filename="../../ui/pages/year_end_card.py" line="21" />
        <source>Open the year-end page</source>
        <translation>年末調整・法定調書を開く</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_card.py" line="20" />
        <source>Statutory forms to submit</source>
        <translation>法定調書の提出</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_card.py" line="27" />
        <source>%1 forms due by %2</source>
        <translation>%1年分の提出期限: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_card.py" line="30" />
        <source>Slips to submit to the tax office: %1</source>
        <translation>税務署への提出: %1枚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_card.py" line="36" />
        <source>Employees not entered yet: %1.</source>
        <translation>未入力の従業員: %1人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_card.py" line="40" />
        <source>%1 must be filed electronically (%2 slips for %3; %4 or more).</source>
        <translation>%1はe-Tax等での提出が必要です（%3年分 %2枚、基準 %4枚以上）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_card.py" line="48" />
        <source>%1: e-filing from the %3 forms (%2 this year)</source>
        <translation>%1: %3年分からe-Tax等での提出が必要（今年分 %2枚）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_card.py" line="55" />
        <source>%1 slips</source>
        <translation>%1枚</translation>
    </message>
</context>
<context>
    <name>YenEdit</name>
    <message>
        <location filename="../../ui/widgets/yen_edit.py" line="85" />
        <source>“%1” takes at most %2 digits.</source>
        <translation>「%1」は%2桁までの金額で入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/yen_edit.py" line="89" />
        <source>Enter “%1” in whole yen, as a number of 0 or more.</source>
        <translation>「%1」には0以上の整数を円単位で入力してください。</translation>
    </message>
</context>
<context>
    <name>_Chart</name>
    <message>
        <location filename="../../ui/widgets/log_charts.py" line="68" />
        <source>Reveals</source>
        <translation>個人番号の表示等</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_charts.py" line="68" />
        <source>Outputs</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_charts.py" line="68" />
        <source>Failed sign-ins</source>
        <translation>サインイン失敗</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/dialogs/consignee_dialogs.py" line="102" />
        <source>Enter a date, e.g. 2026年4月1日.</source>
        <translation>日付を入力してください（例：2026年4月1日）。</translation>
    </message>
</context>
<context>
    <name>checks_html</name>
    <message>
        <location filename="../../ui/verification_pages.py" line="365" />
        <source>not done yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location filename="../../ui/verification_pages.py" line="373" />
        <source>%1 does not count: %2</source>
        <translation>%1は使えません：%2</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../../ui/pages/year_end_print.py" line="46" />
        <source>Bulk output of My Numbers</source>
        <translation>個人番号の一括出力</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_print.py" line="46" />
        <source>Reason:</source>
        <translation>出力する理由：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_end_print.py" line="55" />
        <source>%1 people</source>
        <translation>%1人</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/dialogs/pdf_export.py" line="47" />
        <source>Save as an encrypted PDF</source>
        <translation>暗号化したPDFで保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_export.py" line="49" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_export.py" line="56" />
        <source>Choose another folder</source>
        <translation>別のフォルダーを選んでください</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_export.py" line="58" />
        <source>A file carrying My Numbers cannot be saved in a temporary folder. Choose the folder where the office keeps such files.</source>
        <translation>個人番号を記載したファイルは一時フォルダーには保存できません。事業所で決めた保管用のフォルダーを選んでください。</translation>
    </message>
</context>
</TS>