"""Reading a staff list (issue 19, point 3): CSV as Excel writes it (UTF-8 or Windows-1252, semicolons or
commas) or XLSX (openpyxl), into rows of name, e-mail, workplace and role. Refusals come as ``StaffFileError``
with a message for the admin; nothing is stored until the file reads."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import load_workbook

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000

# Column headings as people write them, in Danish and English.
COLUMNS = {
    "name": {"navn", "name", "fulde navn", "full name", "fuldt navn"},
    "email": {"e-mail", "email", "e-mailadresse", "mail", "e-mail address", "email address", "emailadresse"},
    "workplace": {"arbejdsplads", "workplace", "enhed", "afdeling", "unit"},
    "role": {"rolle", "role"},
}
REQUIRED = ("name", "email", "workplace")


class StaffFileError(Exception):
    pass


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StaffFileError(
        _("The file could not be read as text. Save it as CSV (UTF-8) or XLSX and try again.")
    )


def _csv_rows(data: bytes):
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise StaffFileError(
            _("The file is not a CSV file that can be read: a field is too long or broken.")
        ) from None


def _xlsx_rows(data: bytes):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(["" if value is None else str(value) for value in row])
            if len(rows) > MAX_ROWS + 1:
                break
        workbook.close()
    # A workbook can be broken in more ways than openpyxl names (its zip, its XML, its parts): each is a file
    # the admin must save again, never a 500.
    except Exception:  # noqa: BLE001
        raise StaffFileError(
            _("The file is not an XLSX workbook Excel can open. Save it again and try.")
        ) from None
    return rows


def _heading(value):
    return " ".join(str(value).strip().lower().replace("_", " ").split())


def staff_file_read(*, name: str, data: bytes):
    """The file's rows as ``[line, name, email, workplace, role]`` (the line as in the file, the heading's
    being 1)."""
    if not data:
        raise StaffFileError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise StaffFileError(_("The file is larger than 5 MB. Split it, for instance by workplace."))
    is_xlsx = data[:2] == b"PK" or name.lower().endswith(".xlsx")
    raw = _xlsx_rows(data) if is_xlsx else _csv_rows(data)
    numbered = [(line, row) for line, row in enumerate(raw, start=1) if any(str(c).strip() for c in row)]
    if not numbered:
        raise StaffFileError(_("The file is empty."))
    headings = [_heading(cell) for cell in numbered[0][1]]
    index = {}
    for key, names in COLUMNS.items():
        for position, heading in enumerate(headings):
            if heading in names and key not in index:
                index[key] = position
    missing = [key for key in REQUIRED if key not in index]
    if missing:
        labels = {"name": _("name"), "email": _("e-mail"), "workplace": _("workplace")}
        raise StaffFileError(
            _("The file has no column for %(columns)s. The first row must name the columns: %(expected)s.")
            % {
                "columns": ", ".join(str(labels[key]) for key in missing),
                "expected": _("Navn; E-mail; Arbejdsplads; Rolle"),
            }
        )
    if len(numbered) - 1 > MAX_ROWS:
        raise StaffFileError(
            _(
                "The file has %(rows)s rows; at most %(max)s can be read at once. Split it, for instance by "
                "workplace."
            )
            % {"rows": f"{len(numbered) - 1:,}".replace(",", "."), "max": f"{MAX_ROWS:,}".replace(",", ".")}
        )

    def cell(row, key):
        position = index.get(key)
        return str(row[position]).strip() if position is not None and position < len(row) else ""

    return [
        [
            line,
            cell(row, "name")[:150],
            cell(row, "email")[:254],
            cell(row, "workplace")[:150],
            cell(row, "role")[:40],
        ]
        for line, row in numbered[1:]
    ]
