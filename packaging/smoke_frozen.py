"""Smoke test of the frozen program: the folder `packaging/build.py` made, run as an office
would, on a temporary data folder.

    python3 packaging/smoke_frozen.py [--build]     # --build: run packaging/build.py first

Runs `--version`, `init`, `import people`, `verify`, `backup`, `report deletion-records`, then
starts the GUI offscreen to the sign-in window, and checks the keyring backend actually used.
On a machine without an OS keyring (a headless Linux CI) the program's explicit demo switch
(`init --insecure-file-secret`) is used, after checking that the frozen program refuses the
test suite's plain-file keyring. Where an OS keyring works (Windows), the throw-away office's
machine secret stays in it after the run: run this on a build or test PC, not an office's.
Standard library only; prints the time of each step.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "dist" / "mynumber-desk"
PROGRAM = FOLDER / ("mynumber-desk.exe" if os.name == "nt" else "mynumber-desk")
LOGIN = "kanri"
PASSWORD = "Blue-Harbor-Lantern-41"
# The backends storage/keystore.py allows on each system (the frozen program refuses others).
OS_KEYRINGS = (
    "keyring.backends.Windows.WinVaultKeyring",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
)
TEST_KEYRING = "tests.support.file_keyring.FileKeyring"


class SmokeFailure(AssertionError):
    pass


def check(condition: bool, what: str, result: subprocess.CompletedProcess[str] | None = None):
    if not condition:
        detail = f"\nstdout: {result.stdout}\nstderr: {result.stderr}" if result else ""
        raise SmokeFailure(what + detail)


class Runner:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.data = work / "data"
        # What the program sees: no source tree on the path, no test switches, no display.
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "MYNUMBER_DESK_", "QT_"))
        }
        self.env.update({"QT_QPA_PLATFORM": "offscreen", "HOME": str(work / "home")})
        (work / "home").mkdir()
        self.timings: list[tuple[str, float]] = []

    def run(
        self, name: str, *args: str, stdin: str = "", env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        started = time.monotonic()
        result = subprocess.run(
            [str(PROGRAM), "--data-dir", str(self.data), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**self.env, **(env or {})},
            cwd=self.work,
            timeout=300,
        )
        self.timings.append((name, time.monotonic() - started))
        check("Traceback" not in result.stdout + result.stderr, f"{name}: a traceback", result)
        return result

    def signed_in(self, name: str, *args: str) -> subprocess.CompletedProcess[str]:
        result = self.run(name, *args, "--user", LOGIN, "--password-stdin", stdin=PASSWORD + "\n")
        check(result.returncode == 0, f"{name} failed", result)
        return result


KEYRING_LABEL = "PCの鍵の保管先"


def version_facts(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    check(result.returncode == 0, "--version failed", result)
    facts = dict(line.split(": ", 1) for line in result.stdout.strip().splitlines())
    check(KEYRING_LABEL in facts, "--version does not name the keyring in use", result)
    return facts


def smoke(work: Path) -> Runner:
    runner = Runner(work)
    facts = version_facts(runner.run("--version", "--version"))
    check(facts.get("実行形式") == "frozen", f"not a frozen program: {facts}")
    check(facts.get("SQLCipher", "").startswith("4."), f"no SQLCipher 4: {facts}")
    check(facts.get("OpenSSL", "").startswith("OpenSSL 3."), f"no OpenSSL 3: {facts}")
    check(facts.get("Qt", "").startswith("6."), f"no Qt 6: {facts}")
    keyring = facts[KEYRING_LABEL]
    print(f"  keyring here: {keyring}", flush=True)

    # The test suite's plain-file keyring is refused by the frozen program, switch or not.
    test_keyring = {
        "PYTHON_KEYRING_BACKEND": TEST_KEYRING,
        "MYNUMBER_DESK_TEST_KEYRING_FILE": str(work / "test-keyring.json"),
    }
    facts = version_facts(runner.run("--version (test keyring)", "--version", env=test_keyring))
    check(facts[KEYRING_LABEL].startswith("使用できません"), f"test keyring accepted: {facts}")
    sheet = work / "recovery-sheet.pdf"
    init = ["init", "--office", "スモーク事業所", "--admin", LOGIN]
    init += ["--password-stdin", "--recovery-sheet", str(sheet)]
    refused = runner.run("init (test keyring)", *init, stdin=PASSWORD + "\n", env=test_keyring)
    check(refused.returncode == 1, "the frozen program used the test keyring", refused)
    check(not (work / "test-keyring.json").exists(), "a secret went to the test keyring")
    check(not (runner.data / "vault.db").exists(), "a refused init left a database")

    real_keyring = keyring in OS_KEYRINGS
    made = runner.run(
        "init",
        *init,
        *([] if real_keyring else ["--insecure-file-secret"]),
        stdin=PASSWORD + "\n",
    )
    check(made.returncode == 0, "init failed", made)
    check(sheet.read_bytes().startswith(b"%PDF-"), "no recovery sheet PDF")
    facts = version_facts(runner.run("--version (after init)", "--version"))
    used = facts[KEYRING_LABEL]
    if real_keyring:
        check(used == keyring, f"the data uses {used}, not the OS keyring {keyring}")
    else:
        check(used.startswith("ファイル（デモ・開発用"), f"unexpected secret store: {used}")
        check((runner.data / "insecure-machine-secret.json").exists(), "no demo secret file")
    print(f"  keyring used: {used}", flush=True)

    template = work / "template.csv"
    done = runner.run("import template", "import", "template", "--out", str(template))
    check(done.returncode == 0, "import template failed", done)
    runner.signed_in("import people", "import", "people", str(template))
    listed = runner.signed_in("people list", "people", "list")
    check("山田" in listed.stdout, "the imported person is not listed", listed)
    runner.signed_in("verify", "verify")
    backups = work / "backups"
    backups.mkdir()
    runner.signed_in("backup", "backup", "--to", str(backups))
    check(any(backups.iterdir()), "no backup file was written")
    report = work / "deletion-records.pdf"
    today = time.strftime("%Y-%m-%d")
    runner.signed_in(
        "report deletion-records",
        "report",
        "deletion-records",
        "--from",
        f"{today[:4]}-01-01",
        "--to",
        today,
        "--out",
        str(report),
    )
    check(report.read_bytes().startswith(b"%PDF-"), "no deletion records PDF")

    gui = runner.run("GUI to sign-in", env={"MYNUMBER_DESK_SMOKE_EXIT": "1"})
    check(gui.returncode == 0, "the GUI did not start", gui)
    check("smoke: signInDialog shown: " in gui.stdout, "no sign-in window was shown", gui)
    # Its title in Japanese: the compiled catalogue was found in the frozen resources.
    title = gui.stdout.split("smoke: signInDialog shown: ", 1)[1].strip()
    check(any("\u3040" <= c <= "\u30ff" for c in title), f"title not Japanese: {title}", gui)
    return runner


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    if "--build" in argv:
        started = time.monotonic()
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True)
        print(f"build: {time.monotonic() - started:.1f} s", flush=True)
    if not PROGRAM.exists():
        print(f"{PROGRAM} がありません。先に python3 packaging/build.py を実行してください。")
        return 2
    print(f"{FOLDER}: {folder_size(FOLDER) / 1024 / 1024:.0f} MiB", flush=True)
    with tempfile.TemporaryDirectory(prefix="mynumber-desk-smoke-") as folder:
        try:
            runner = smoke(Path(folder))
        except SmokeFailure as failure:
            print(f"SMOKE FAILED: {failure}", file=sys.stderr)
            return 1
    for name, seconds in runner.timings:
        print(f"  {name:<28} {seconds:6.2f} s")
    # The Windows installer script names only files this build has.
    checked = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "windows" / "check_iss.py"), str(FOLDER)]
    )
    if checked.returncode != 0:
        print("SMOKE FAILED: the installer script does not fit the build", file=sys.stderr)
        return 1
    print("smoke test passed", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
