"""One section of the yearly self-inspection report (点検, 規程第4章; 保有規程第54条): a heading,
a sentence that says what was found, and a table. Plain data, so any service can supply one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InspectionSection:
    title: str
    finding: str  # one or two sentences: what the inspector should know
    headers: tuple[str, ...]
    # Relative column widths (the renderer shares the page width in these proportions).
    widths: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = "該当はありません。"  # the table's one line when there are no rows
    # Something the inspector must look at (an overdue task, a broken chain): marked.
    attention: bool = False
