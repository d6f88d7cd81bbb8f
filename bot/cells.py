"""Cells written for Excel: text that would start a formula is written as text.

Excel (and LibreOffice, WPS) read a cell that starts with ``= + - @`` — and, after a tab or a carriage
return, the same — as a formula: ``=HYPERLINK(…)`` in a name or a ticket question would become a live
link or worse when the office opens an export. Every CSV and xlsx writer of the bot (exports, the
monthly report, the dashboard's downloads) writes its rows through this module:

* CSV: such text gets a leading ``'`` (Excel shows the text, not a formula); the roster import
  drops that quote again (``unescape``), so an exported CSV re-imports unchanged;
* xlsx: such text is stored with the string data type (openpyxl would otherwise store ``=…`` as a
  formula).

Only text is touched: numbers stay numbers, negative ones too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_row(row: Iterable[Any]) -> list[Any]:
    return ["'" + value if looks_like_formula(value) else value for value in row]


def xlsx_append(ws, row: Iterable[Any]) -> None:
    """``ws.append(row)``, with formula-like text kept as text."""
    ws.append(list(row))
    for cell in ws[ws.max_row]:
        if looks_like_formula(cell.value):
            cell.data_type = "s"


def unescape(text: str) -> str:
    """What ``csv_row`` wrote, read back: ``'=x`` -> ``=x`` (any other text unchanged)."""
    return text[1:] if text.startswith("'") and looks_like_formula(text[1:]) else text
