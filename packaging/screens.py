"""Screenshots of every page for a member, as a user sees them (developers' tool, not shipped).

    python packaging/screens.py OUT_DIR [--login kanri] [--size 1366x768] [--people 120]

Makes (once) a demo office in OUT_DIR/data, signs in, shows the main window at the given size
offscreen and saves one PNG per page (OUT_DIR/<login>-<size>-<page>.png). Look at them with an
image viewer; the demo's passwords are those of app/services/demo.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _offscreen_screen(size: str) -> None:
    """The offscreen platform's screen at the wanted size (its default is 800×800)."""
    import json
    import tempfile

    width, height = (int(v) for v in size.split("x"))
    config = Path(tempfile.gettempdir()) / f"mynumber-desk-screen-{size}.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height}]}
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--login", default="kanri")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--people", type=int, default=120)
    parser.add_argument(
        "--select", type=int, default=-1, help="also shoot 人員 with this row selected"
    )
    args = parser.parse_args()
    _offscreen_screen(args.size)
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir = args.out / "data"

    from app.bootstrap import Workspace
    from app.clock import SystemClock
    from app.services import auth, demo
    from storage.layout import VaultPaths
    from ui.application import create_application
    from ui.tasks import DatabaseThread

    app = create_application()
    clock = SystemClock()
    if not (data_dir / "vault.db").exists():
        demo.create_demo(VaultPaths(data_dir), clock, people_count=args.people)[0].session.close()
    account = next(a for a in demo.DEMO_ACCOUNTS if a.login == args.login)
    workspace = Workspace(data_dir, clock)
    db = DatabaseThread()
    try:
        session = db.call(
            lambda: auth.sign_in(workspace.paths, account.login, account.password, clock)
        )
        from ui.main_window import MainWindow

        window = MainWindow(workspace, db, session)
        window.resize(width, height)
        window.show()
        for key in list(window.page_by_key):
            window.show_page(key)
            _settle(app, db)
            path = args.out / f"{args.login}-{args.size}-{key}.png"
            window.grab().save(str(path))
            print(path)
            if key == "people" and args.select >= 0:
                window.page_by_key[key].table.selectRow(args.select)
                _settle(app, db)
                path = args.out / f"{args.login}-{args.size}-people-row{args.select}.png"
                window.grab().save(str(path))
                print(path)
        window.close()
        _settle(app, db)
    finally:
        db.shutdown()
    return 0


def _settle(app, db) -> None:
    """Let the database thread answer and the window repaint."""
    import time

    for _ in range(30):
        app.processEvents()
        time.sleep(0.03)


if __name__ == "__main__":
    raise SystemExit(main())
