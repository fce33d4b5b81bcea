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
