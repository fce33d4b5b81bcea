"""Japanese for the strings the frozen-build work added (About dialog)."""

JA = {
    "MyNumber Desk": "マイナンバー管理デスク",
    "OpenSSL (used by SQLCipher)": "OpenSSL（SQLCipher が使用）",
    "Version": "バージョン",
    "Build": "実行形式",
    "Data folder": "データフォルダー",
    "Where the PC's key is kept": "PCの鍵の保管先",
    "Installed program": "インストール版",
    "Run from source": "ソースから実行",
    "Keeps the office's My Numbers as the My Number Act and the PPC guideline require. Tell these versions to whoever supports the program.": "マイナンバー法と個人情報保護委員会のガイドラインに沿って、事業所のマイナンバーを管理します。お問い合わせの際は、以下のバージョン情報をお伝えください。",
    "About MyNumber Desk": "バージョン情報",
    "A file beside the data (demo and development only, not the OS store): %1": "データと同じフォルダーのファイル（デモ・開発用。OSの資格情報ストアではありません）: %1",
    "Not usable (%1)": "使用できません（%1）",
}
