"""Table exports (CSV or Excel), one query per table; the header row is the contract's column names.

The tables are the registry's ``app.exports`` (table -> SELECT), which the capability manifests
contribute (``EXPORTS``, usually their store's ``EXPORT_SQL``): ``python run.py export`` offers
exactly these, and so does the dashboard's 导出 page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from bot import cells


class ExportUnavailable(LookupError):
    pass


def rows(app, table: str) -> tuple[list[str], Iterator[tuple]]:
    """The header and the rows of one export table; a column of codes the capability labels (``app.export_labels``)
    gets ``<column>_label``, in Chinese, after the table's own columns, which keep their places (sim66: the 通报's
    lines read on_track, lagging_twice to a cadre)."""
    if table not in app.exports:
        raise ExportUnavailable(table)
    cursor = app.db.execute(app.exports[table])
    header = [d[0] for d in cursor.description]
    labelled = [
        (header.index(column), app.messages.section(section))
        for column, section in app.export_labels.get(table, {}).items()
        if column in header
    ]
    if not labelled:
        return header, iter(cursor)
    extra = [f"{header[i]}_label" for i, _ in labelled]
    return header + extra, (
        (*row, *(labels.get(row[i], row[i]) if row[i] is not None else None for i, labels in labelled))
        for row in cursor
    )


def write_csv(header: list[str], data: Iterable[tuple], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(cells.csv_row(row) for row in data)  # no live formulas (bot/cells.py)


def write_xlsx(header: list[str], data: Iterable[tuple], path: Path | io.BytesIO, title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = title[:31]
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in data:
        cells.xlsx_append(ws, row)  # no live formulas (bot/cells.py)
    ws.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        ws.column_dimensions[ws.cell(1, index).column_letter].width = max(10, min(40, len(str(name)) * 2 + 4))
    wb.save(path)
