"""Shared fixtures for the report tests: the bundled fonts, configured once per session."""

from __future__ import annotations

import pathlib

import pytest

from reports import fonts

_REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo_root() -> pathlib.Path:
    return _REPO_ROOT


@pytest.fixture(scope="session", autouse=True)
def configured_fonts(repo_root: pathlib.Path) -> pathlib.Path:
    """The bundled font directory, after reports.fonts.configure() has registered it."""
    font_dir = repo_root / "resources" / "fonts"
    fonts.configure(font_dir)
    return font_dir
