"""Laying flowables out over as many sheets as they need, before anything is drawn: a paper
that says 「n／total」 on every sheet must know the total first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from reports.errors import ReportError


@dataclass(frozen=True)
class Block:
    """One thing to place: a paragraph, a table (split between its rows, its header repeated),
    or a flowable that must stay whole. `keep_with_next`: a heading, never left alone at the
    foot of a sheet without the start of what it heads."""

    flowable: Flowable
    space_after: float = 0
    keep_with_next: bool = False


# One sheet's content, top down: each flowable with its height and the gap under it.
Sheet = list[tuple[Flowable, float, float]]


def paginate(
    blocks: Sequence[Block], width: float, first_room: float, room: float, what: str
) -> list[Sheet]:
    """Cut blocks into sheets: `first_room` is the height free on the first sheet, `room` on
    the others. A block that cannot even start on an empty sheet is bad data, not something
    another sheet would fix: ReportError names `what` (the paper) for the log."""
    sheets: list[Sheet] = [[]]
    avail = first_room
    queue = [(block.flowable, block.space_after, block.keep_with_next) for block in blocks]

    def next_sheet() -> None:
        nonlocal avail
        sheets.append([])
        avail = room

    while queue:
        flowable, space, keep = queue.pop(0)
        if isinstance(flowable, Table):
            # split() first: it measures only the rows of this sheet, and the parts it returns
            # carry their row heights (a 1,000-row ledger is not measured once per sheet).
            pieces = flowable.split(width, avail)
            fits = len(pieces) == 1
        else:
            pieces, fits = [], flowable.wrap(width, avail)[1] <= avail + 1e-6
            if not fits:
                pieces = flowable.split(width, avail)
        if fits:
            _, height = flowable.wrap(width, avail)
            if (
                keep
                and queue
                and sheets[-1]
                and not _starts(queue[0][0], width, avail - height - space)
            ):
                next_sheet()
                queue.insert(0, (flowable, space, keep))
                continue
            sheets[-1].append((flowable, height, space))
            avail -= height + space
            continue
        if len(pieces) >= 2:
            head, *rest = pieces
            _, head_height = head.wrap(width, avail)
            sheets[-1].append((head, head_height, 0))
            next_sheet()
            queue[0:0] = [(piece, space, keep) for piece in rest]
            continue
        if not sheets[-1]:
            raise ReportError(f"a part of the {what} is too tall for a sheet")
        next_sheet()
        queue.insert(0, (flowable, space, keep))
    return sheets


def _starts(flowable: Flowable, width: float, avail: float) -> bool:
    """Whether some of flowable (a table's header and first row, a paragraph's first line)
    fits in avail."""
    if avail <= 0:
        return False
    if isinstance(flowable, Table):
        return bool(flowable.split(width, avail))
    _, height = flowable.wrap(width, avail)
    return height <= avail or len(flowable.split(width, avail)) >= 2


def draw_sheets(
    canvas: Canvas,
    sheets: list[Sheet],
    x: float,
    first_top: float,
    top: float,
    furniture: Callable[[int, int], None],
) -> None:
    """Draw each sheet's flowables from its top down, then `furniture(page, total)` (the
    heading of a continuation sheet, the footer); a new page between sheets."""
    total = len(sheets)
    for page, sheet in enumerate(sheets, start=1):
        if page > 1:
            canvas.showPage()
        y = first_top if page == 1 else top
        for flowable, height, space in sheet:
            flowable.drawOn(canvas, x, y - height)
            y -= height + space
        furniture(page, total)
