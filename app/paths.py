"""Where data and bundled resources are: the data folder and `resources/` in a checkout or build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DATA_DIR = "MYNUMBER_DESK_DATA_DIR"


def default_data_dir() -> Path:
    """The env override, else the per-user local (never roaming) data folder."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    import platformdirs

    # Local, not roaming: the database must not follow a profile to file servers (SECURITY §7).
    return Path(platformdirs.user_data_dir("MyNumberDesk", appauthor=False, roaming=False))


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


# Windows names the user's OneDrive folders in these variables; Known Folder Move puts
# Documents, Desktop and Pictures inside them, so what is saved there is uploaded.
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def _folded(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def cloud_synced_root(path: Path) -> Path | None:
    """The OneDrive folder `path` lies in, or None: one named by Windows' variables, or a
    folder called 「OneDrive」 or 「OneDrive - 会社名」 on the way to it."""
    target = _folded(path)
    for variable in ONEDRIVE_VARIABLES:
        root = os.environ.get(variable)
        if root and (
            target == _folded(Path(root)) or target.startswith(_folded(Path(root)) + os.sep)
        ):
            return Path(root)
    for folder in (Path(os.path.abspath(path)), *Path(os.path.abspath(path)).parents):
        if folder.name.casefold() == "onedrive" or folder.name.casefold().startswith("onedrive -"):
            return folder
    return None


def first_unsynced(folders: list[Path]) -> Path | None:
    """The first of `folders` that is not inside a OneDrive folder."""
    return next((folder for folder in folders if cloud_synced_root(folder) is None), None)


def store_python() -> bool:
    """Python from the Microsoft Store: Windows keeps what it writes under AppData in the
    app's private copy (…\\Packages\\PythonSoftwareFoundation.Python…\\LocalCache), which another
    Python does not see and which is deleted when that Python is uninstalled or reset."""
    base = sys.base_prefix
    return "PythonSoftwareFoundation.Python." in base or "\\WindowsApps\\" in base


STORE_PYTHON_REFUSAL = (
    "Microsoft Store 版の Python では、既定のデータフォルダーへの書き込みが Python 専用の場所へ"
    "移され、Python をアンインストールすると事業所のデータも消えます。"
    "python.org のインストーラー版 Python を使うか、--data-dir（または環境変数 "
    f"{ENV_DATA_DIR}）でデータフォルダーを指定してください。"
)
