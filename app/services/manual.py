"""The user manual: its chapters read from resources/manual, and the manual as a PDF.

It holds no personal data, so nothing here needs a session, a permission or an audit event:
the Help menu and `mynumber-desk manual` reach it without signing in."""

from __future__ import annotations

import io
from pathlib import Path

from app import paths
from app.about import VERSION
from app.domain.manual_text import Chapter, parse
from app.services.guard import renders_paper

TITLE = "操作マニュアル"


def manual_dir() -> Path:
    return paths.resources_dir() / "manual"


def chapter_files() -> list[Path]:
    """The chapter files in reading order (their names start with the chapter's number)."""
    return sorted(manual_dir().glob("*.md"))


def load_chapters() -> list[Chapter]:
    return [parse(path.stem, path.read_text(encoding="utf-8")) for path in chapter_files()]


def image_path(reference: str) -> Path:
    """The file an image reference of a chapter names (relative to resources/manual)."""
    return manual_dir() / reference


@renders_paper
def manual_pdf(chapters: list[Chapter] | None = None) -> bytes:
    """The whole manual as a PDF: cover, contents with page numbers, every chapter."""
    from reports import fonts
    from reports.user_manual import ManualBlock, ManualChapter, ManualData, render_user_manual

    fonts.configure(paths.fonts_dir())
    data = ManualData(
        title=TITLE,
        product="マイナンバー管理デスク",
        version=VERSION,
        chapters=tuple(
            ManualChapter(
                title=chapter.title,
                blocks=tuple(
                    ManualBlock(
                        kind=block.kind,
                        text=block.text,
                        items=block.items,
                        image=image_path(block.image) if block.image else None,
                        start=block.start,
                    )
                    for block in chapter.blocks
                ),
            )
            for chapter in (chapters if chapters is not None else load_chapters())
        ),
    )
    out = io.BytesIO()
    render_user_manual(data, out)
    return out.getvalue()
