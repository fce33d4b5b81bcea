"""The user manual as a PDF: the real chapters (every title in the contents and as a heading,
every screenshot there, no run like a My Number), neutral metadata, an outline of chapter
titles only, steps numbered on across a command, and a missing screenshot refused."""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

import pypdf
import pytest

from app import errors
from app.domain.manual_text import parse
from app.services import manual
from reports.document import CREATOR, INVARIANT_PDF_DATE, PRODUCER
from reports.errors import ReportError
from reports.user_manual import ManualBlock, ManualChapter, ManualData, render_user_manual
from storage import upgrade

# Twelve digits, ASCII or full-width, optionally grouped by one separator.
NUMBER_RUN = re.compile(r"\d(?:[ \u3000\-－ー]?\d){11}")


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return manual.manual_pdf()


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _pages(data: bytes) -> list[str]:
    # Extracted text breaks lines where the page does; a title is looked for without them.
    return [page.extract_text().replace("\n", "") for page in _reader(data).pages]


def test_every_chapter_is_in_the_contents_with_the_page_it_is_on(pdf: bytes) -> None:
    reader = _reader(pdf)
    pages = _pages(pdf)
    chapters = manual.load_chapters()
    assert len(chapters) == 14
    contents = reader.pages[1].extract_text().replace("\u3000", " ")
    assert "目次" in contents
    # The dot leaders end in the page numbers, in the order of the chapters.
    listed = [int(page) for page in re.findall(r"(?:\.\s+)+(\d+)", contents)]
    chapter_entries = [entry for entry in reader.outline if not isinstance(entry, list)]
    on_page = [reader.get_destination_page_number(entry) + 1 for entry in chapter_entries]
    assert listed == on_page
    for number, chapter, page in zip(range(1, 15), chapters, on_page, strict=True):
        assert f"{number} {chapter.title}" in contents
        assert f"{number}\u3000{chapter.title}" in pages[page - 1]


def test_the_cover_names_the_program_and_the_document(pdf: bytes) -> None:
    cover = _pages(pdf)[0]
    assert "マイナンバー管理デスク" in cover
    assert "操作マニュアル" in cover


def test_no_page_holds_a_run_like_a_my_number(pdf: bytes) -> None:
    for text in _pages(pdf):
        assert not NUMBER_RUN.search(text)


def test_every_screenshot_the_chapters_reference_is_drawn(pdf: bytes) -> None:
    reader = _reader(pdf)
    drawn = sum(len(page.images) for page in reader.pages)
    referenced = sum(len(chapter.images()) for chapter in manual.load_chapters())
    assert referenced >= 10
    assert drawn == referenced


def test_the_info_dictionary_is_neutral(pdf: bytes) -> None:
    info = {key: str(value) for key, value in _reader(pdf).trailer["/Info"].get_object().items()}
    assert info == {
        "/Title": "操作マニュアル",
        "/Author": "",
        "/Subject": "",
        "/Keywords": "",
        "/Creator": CREATOR,
        "/Producer": PRODUCER,
        "/CreationDate": INVARIANT_PDF_DATE,
        "/ModDate": INVARIANT_PDF_DATE,
        "/Trapped": "/False",
    }


def test_the_outline_holds_the_chapter_titles_with_their_sections_below(pdf: bytes) -> None:
    reader = _reader(pdf)
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    sections = [entry for entry in reader.outline if isinstance(entry, list)]
    assert len(sections) == len(titles)
    assert sections[0][0].title == "4つの役割"
    assert titles == [
        f"{number}　{chapter.title}"
        for number, chapter in enumerate(manual.load_chapters(), start=1)
    ]


def test_the_same_manual_gives_the_same_bytes(pdf: bytes) -> None:
    assert manual.manual_pdf() == pdf


def test_steps_after_a_command_go_on_numbering() -> None:
    chapter = parse(
        "x",
        "# 復元\n\n1. 終了します。\n2. 実行します。\n\n    mynumber-desk restore\n\n3. 確認します。\n",
    )
    text = "".join(_pages(manual.manual_pdf([chapter])))
    assert re.search(r"1\.\s*終了します。\s*2\.\s*実行します。", text)
    assert "mynumber-desk restore" in text
    assert re.search(r"3\.\s*確認します。", text)


def test_a_missing_screenshot_is_refused(tmp_path: Path) -> None:
    data = ManualData(
        title="操作マニュアル",
        product="マイナンバー管理デスク",
        version="0",
        chapters=(
            ManualChapter(
                title="章", blocks=(ManualBlock("image", "説明", image=tmp_path / "none.png"),)
            ),
        ),
    )
    with pytest.raises(ReportError, match="image missing"):
        render_user_manual(data, io.BytesIO())


def test_no_chapter_is_left_unfinished() -> None:
    """No section waits for a screen any more: no maintainers' note to complete it, no 準備中."""
    for path in manual.chapter_files():
        source = path.read_text(encoding="utf-8")
        assert "<!-- lead:" not in source, path.name
    for chapter in manual.load_chapters():
        assert "準備中" not in chapter.plain_text(), chapter.slug


# The chapters on the screens merged for the year-end: their sections and screenshots.
NEW_SECTIONS = {
    "06-import": (
        ("給与データ（源泉徴収票の金額）の取込み", "コマンドで取り込む"),
        ("images/payroll.png",),
    ),
    "07-year-end": (
        (
            "年末調整・法定調書の画面",
            "提出が必要な人の判定",
            "まとめて印刷する",
            "用紙の選び方",
            "印刷位置の補正（専用用紙）",
            "支払調書と退職所得の源泉徴収票",
            "法定調書合計表",
            "提出期限とe-Taxでの提出",
        ),
        (
            "images/yearend.png",
            "images/withholding-slip.png",
            "images/print-calibration.png",
            "images/payment-slip.png",
            "images/summary-table.png",
        ),
    ),
    "10-records": (
        ("委託先", "委託先の点検（毎年4月）", "委託先管理表", "研修記録", "自己点検報告書"),
        ("images/consignees.png", "images/inspection.png", "images/self-inspection.png"),
    ),
}


@pytest.mark.parametrize("slug", sorted(NEW_SECTIONS))
def test_the_year_end_consignee_and_inspection_chapters(pdf: bytes, slug: str) -> None:
    sections, images = NEW_SECTIONS[slug]
    (chapter,) = [c for c in manual.load_chapters() if c.slug == slug]
    headings = [block.text for block in chapter.blocks if block.kind == "heading"]
    for section in sections:
        assert section in headings, section
    for image in images:
        assert image in chapter.images(), image
        assert manual.image_path(image).is_file(), image
    # The sections are in the PDF, under the chapter's title in the outline.
    reader = _reader(pdf)
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    below = [entry for entry in reader.outline if isinstance(entry, list)]
    number = [c.slug for c in manual.load_chapters()].index(slug)
    assert titles[number].endswith(chapter.title)
    outlined = [entry.title for entry in below[number]]
    assert all(section in outlined for section in sections)


def test_the_estimated_form_layouts_are_said_to_be_checked_before_paper() -> None:
    """The 支払調書・退職・合計表 layouts are not measured (resources/forms/README.md): the
    chapter tells the clerk to compare a printout with the official form or copy the values."""
    (chapter,) = [c for c in manual.load_chapters() if c.slug == "07-year-end"]
    text = chapter.plain_text()
    assert "実物の様式で位置を測ったものではありません" in text
    assert "書き写して" in text


def _chapter_text(slug: str) -> str:
    (chapter,) = [c for c in manual.load_chapters() if c.slug == slug]
    return chapter.plain_text()


def test_the_manual_tells_how_to_install_and_update_and_what_the_update_messages_mean() -> None:
    """#18: an update over the older version keeps the data, the copy before it is found in
    the pre-upgrade folder by its name, and each message of the first start is explained."""
    setup = _chapter_text("02-setup")
    for said in ("インストール", "新しい版に更新するとき", "pre-upgrade", "vault-schema"):
        assert said in setup, said
    assert "アンインストールしても、データフォルダーは削除されません" in setup
    assert upgrade.copy_name(19, datetime(2026, 12, 7), Path("p")).name.startswith(
        "vault-schema19-on-"
    )  # the name the chapter describes
    assert f"新しいものから{upgrade.KEEP}つまで残ります" in setup
    trouble = _chapter_text("14-troubleshooting")
    for message in (
        errors.UpgradeFailed("x.db", True).message,
        errors.UpgradeBackupFailed().message,
        errors.SchemaTooNew().message,
    ):
        first = message.split("。", 1)[0] + "。"
        assert f"「{first}」" in trouble, first


def test_the_manual_names_no_file_of_the_source_tree() -> None:
    """An office has the installed program, not the repository: no resources/… paths."""
    for chapter in manual.load_chapters():
        assert not re.search(r"\b(resources|app|storage|ui)/\S+", chapter.plain_text()), (
            chapter.slug
        )


def test_the_slip_dialogs_year_box_is_described() -> None:
    text = _chapter_text("07-year-end")
    assert "上の「年」で年分" in text
    assert "このプログラムが様式を持っている年分だけ" in text


def test_every_font_the_manual_names_is_embedded(pdf: bytes) -> None:
    """As every other document: the tables (contents, notes, framed screenshots) named an
    unembedded Helvetica on their pages, though no glyph was drawn with it."""
    assert b"Helvetica" not in pdf
    for page in _reader(pdf).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font.get_object()["/BaseFont"]
