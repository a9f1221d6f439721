"""The tables of insights as files (issue 18, point 7): CSV for any program, XLSX with real numbers, shares
as percentages and dates as dates, so Excel sorts, sums and charts them without conversion.

A table is a title, its column headers and its rows; a cell is a number, a date, a text or None, and a
column's ``kind`` (indicators.PERCENT …) says how XLSX formats its numbers.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .indicators import COUNT, DATE, DAYS, INDICATORS, PERCENT, RATE, SCORE

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROW_KIND = "row"
NUMBER_FORMATS = {PERCENT: "0%", DAYS: "0.0", RATE: "0.0", SCORE: "0.0", COUNT: "0", DATE: "yyyy-mm-dd"}


@dataclass
class Table:
    title: str
    headers: list
    kinds: list  # one per column: an indicator kind, "" for text, or ROW_KIND for the row's own kind
    rows: list = field(default_factory=list)
    row_kinds: list = field(default_factory=list)  # per row, where a column's kind is ROW_KIND


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:.0f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_response(table, *, filename):
    """The table as CSV (UTF-8 with a byte-order mark, so Excel reads æ, ø and å), numbers with a full
    stop and shares as numbers 0–100."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_csv_cell(value) for value in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "tabel"}.csv"'
    return response


def xlsx_bytes(tables):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(title=table.title[:31])
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(table.rows):
            kinds = [table.row_kinds[number] if kind == ROW_KIND else kind for kind in table.kinds]
            values = []
            for value, kind in zip(row, kinds, strict=True):
                if kind == PERCENT and isinstance(value, (int, float)):
                    value = value / 100
                values.append(value)
            sheet.append(values)
            for cell, kind in zip(sheet[sheet.max_row], kinds, strict=True):
                if kind in NUMBER_FORMATS and cell.value is not None:
                    cell.number_format = NUMBER_FORMATS[kind]
        for index in range(1, len(table.headers) + 1):
            width = max(
                (len(str(c.value or "")) for (c,) in sheet.iter_rows(min_col=index, max_col=index)), default=8
            )
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(tables, *, filename):
    response = HttpResponse(xlsx_bytes(tables), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "tabel"}.xlsx"'
    return response


def overview_table(overview):
    """Every indicator of the workplace's overview, a row each, with a column per quarter of the trend."""
    names = {card.code: card.name for card in overview.cards}
    readings = overview.all_readings()
    table = Table(
        title=str(overview.workplace.name),
        headers=[_("Practice"), _("Indicator"), *[q.label for q in overview.quarters], _("What it counts")],
        kinds=["", "", *[ROW_KIND] * len(overview.quarters), ""],
    )
    for indicator in INDICATORS:
        table.rows.append(
            [
                f"{indicator.practice} {names[indicator.practice]}",
                str(indicator.label),
                *[readings[q][indicator.key].value for q in overview.quarters],
                str(indicator.counts),
            ]
        )
        table.row_kinds.append(indicator.kind)
    return table


def organisation_file_table(result, *, title):
    """The organisation's table: a row per workplace and the organisation's totals last."""
    columns = result["columns"]
    table = Table(
        title=title,
        headers=[_("Workplace"), _("Sector"), _("Leader groups"), *[str(c.label) for c in columns]],
        kinds=["", "", "", *[c.kind for c in columns]],
    )
    for row in result["rows"]:
        table.rows.append(
            [
                row.workplace.name,
                str(row.workplace.get_sector_display()),
                ", ".join(row.groups),
                *[reading.value for reading in row.readings],
            ]
        )
    table.rows.append([_("The organisation"), "", "", *[spread.total.value for spread in result["spreads"]]])
    return table


def group_file_table(table, *, title):
    """A leader group's table: a row per workplace with its figures of work and the survey's team means
    where the round was shared with the group."""
    columns = table["columns"]
    practices = table["practices"]
    file = Table(
        title=title,
        headers=[
            _("Workplace"),
            *[str(c.label) for c in columns],
            *[f"{_('Survey')} {code}" for code, _n in practices],
        ],
        kinds=["", *[c.kind for c in columns], *[SCORE] * len(practices)],
    )
    for row in table["rows"]:
        file.rows.append(
            [row["workplace"].name, *[reading.value for reading in row["readings"]], *row["survey"]]
        )
    return file
