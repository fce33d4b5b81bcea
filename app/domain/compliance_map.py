"""The compliance map (対応表): for each article of the two office regulations the product was
designed from (/work/shared/regulations: 特定個人情報取扱規程 and 保有個人情報管理規程), what the
program does for it, on which screen, and the tests that prove it; the articles the program
cannot serve are listed as 運用で対応 with a note. Data only: tests/domain/test_compliance_map.py
checks that every test named exists and every screen is a real page or dialog."""

from __future__ import annotations

from app.domain import compliance_handling, compliance_holding
from app.domain.compliance_types import (
    REGULATION_LABELS,
    SCREENS,
    Article,
    Regulation,
    Screen,
)

__all__ = ["ARTICLES", "REGULATION_LABELS", "SCREENS", "Article", "Regulation", "Screen", "of"]

ARTICLES: tuple[Article, ...] = compliance_handling.ARTICLES + compliance_holding.ARTICLES


def of(regulation: Regulation) -> list[Article]:
    return [a for a in ARTICLES if a.regulation is regulation]
