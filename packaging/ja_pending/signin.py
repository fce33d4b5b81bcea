"""Japanese for the strings added by the `signin` branch (sign-in, lock screen, main window)."""

JA = {
    # LockScreen and MainWindow: the screen lock is ロック everywhere (never 施錠).
    "Screen locked": "ロック中",
    "Unlock the screen": "ロック解除",
    "The screen was locked to protect personal data. %1 (%2) can unlock it with their password.": (
        "個人情報を保護するため画面をロックしました。%1（%2）がパスワードを入力すると"
        "ロックを解除できます。"
    ),
    "Wrong password.": "パスワードが違います。",
    "Lock the screen": "画面をロック",
    # SignInDialog: cancelling the sign-in that follows a sign-out.
    "Confirm quitting": "終了の確認",
    "Quit MyNumber Desk?": "マイナンバー管理デスクを終了しますか？",
    "Quit": "終了する",
    "Back to sign-in": "サインインに戻る",
}
