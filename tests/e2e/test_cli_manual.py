"""`mynumber-desk manual --out FILE.pdf`: the user manual without signing in, and without
creating, opening or logging to a data folder (the manual holds no personal data)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from tests.conftest import run_cli


def test_manual_writes_the_pdf_and_leaves_the_data_folder_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = tmp_path / "操作マニュアル.pdf"
    result = run_cli("--data-dir", str(data), "manual", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"操作マニュアルを保存しました: {out}"
    assert result.stderr == ""
    assert not data.exists()
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.metadata.title == "操作マニュアル"
    assert "目次" in reader.pages[1].extract_text()


def test_a_folder_that_cannot_be_written_is_one_japanese_line(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "manual.pdf"
    result = run_cli("--data-dir", str(tmp_path / "data"), "manual", "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith("mynumber-desk: エラー: ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
