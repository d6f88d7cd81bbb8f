"""Table exports (CSV or Excel), one query per table; the header row is the contract's column names."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable, Iterator

# table -> SQL whose column names are the export's header. Store modules add theirs (EXPORT_SQL).
QUERIES: dict[str, str] = {
    "villages": "SELECT v.id, v.name, v.kind, v.town, v.households, v.lat, v.lng, v.radius_m, v.adviser,"
                " v.created_at, v.updated_at FROM villages v ORDER BY v.id",
    "people": "SELECT p.id, p.name, v.name AS village, p.role, p.phone, p.birth_year, p.openid, p.household, p.source,"
              " p.created_at, p.updated_at FROM people p LEFT JOIN villages v ON v.id = p.village_id ORDER BY p.id",
    "outbox": "SELECT id, openid, channel, status, dedupe_key, created_at, sent_at, text, kind, attempts,"
              " errcode, error FROM outbox ORDER BY id",
}
TABLES = ("villages", "people", "plantings", "tickets", "outbox")


def _collect() -> None:
    from bot.store import MODULES

    for module in MODULES:
        QUERIES.update(getattr(module, "EXPORT_SQL", {}))


_collect()


class ExportUnavailable(LookupError):
    pass


def rows(db, table: str) -> tuple[list[str], Iterator[tuple]]:
    if table not in QUERIES:
        raise ExportUnavailable(table)
    cursor = db.execute(QUERIES[table])
    header = [d[0] for d in cursor.description]
    return header, iter(cursor)


def write_csv(header: list[str], data: Iterable[tuple], out: io.TextIOBase) -> None:
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(data)


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
        ws.append(list(row))
    ws.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        ws.column_dimensions[ws.cell(1, index).column_letter].width = max(10, min(40, len(str(name)) * 2 + 4))
    wb.save(path)
