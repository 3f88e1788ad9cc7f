"""Exports are twins of lists: the same FilterSet, the whole result set, in a researcher's format.

A dataset declares its columns once (`Column`); CSV and XLSX write them as cells, the codebook
documents them, and JSON writes each record through the API's serializer. Rows are read with
`.iterator()` in chunks and written as they come, so memory does not grow with the export.
"""

import csv
import json
import tempfile
from dataclasses import dataclass
from datetime import date

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from atlas.controls import writable
from atlas.headers import column_header

CHUNK = 500
# OWASP: a cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Column:
    name: str
    description: str
    value: callable
    type: str = "text"
    vocabulary: str = ""

    @property
    def header(self):
        """What heads the column in the active language (`atlas.headers`)."""
        return column_header(self.name)


@dataclass
class Dataset:
    name: str  # in file names and URLs: "cases"
    title: str
    columns: list
    serializer: type = None
    notes: str = ""
    formats: tuple = ("csv", "xlsx", "json")

    def filename(self, extension):
        return f"atlas-{self.name}-{date.today().isoformat()}.{extension}"

    def header(self):
        """The header row, in the active language (`atlas.headers`)."""
        return [column.header for column in self.columns]

    def row(self, record, base=""):
        """A record's cells; `base` (scheme and host) makes its URLs absolute."""
        return [
            cell(base + column.value(record) if column.type == "url" else column.value(record))
            for column in self.columns
        ]


# Readers of a record's values, for columns.
def absolute(record):
    return record.get_absolute_url()


def names(relation):
    return lambda record: [item.name for item in getattr(record, relation).all()]


def slugs(relation):
    return lambda record: [item.slug for item in getattr(record, relation).all()]


def citations(record):
    return [str(citation) for citation in record.citations.all()]


def unique(values):
    return list(dict.fromkeys(value for value in values if value))


def cell(value):
    """One spreadsheet-safe cell: lists joined with '; ', nothing XLSX cannot hold (stripped
    before the formula check, so that a control character cannot hide a formula), and no
    formula can start it."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(item) for item in value if item not in (None, ""))
    if isinstance(value, bool | int | float):
        return value
    text = writable(value.isoformat() if hasattr(value, "isoformat") else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_response(dataset, records, base="", with_bom=False):
    writer = csv.writer(Echo())

    def lines():
        if with_bom:
            yield "\ufeff"
        yield writer.writerow(dataset.header())
        for record in records.iterator(chunk_size=CHUNK):
            yield writer.writerow(dataset.row(record, base))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dataset.filename("csv")}"'
    return response


def xlsx_response(dataset, records, about, base=""):
    # Write-only mode keeps rows on disk, not in memory; the file is then streamed.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(dataset.title)[:31])
    sheet.append(dataset.header())
    for record in records.iterator(chunk_size=CHUNK):
        sheet.append(dataset.row(record, base))
    about_sheet = workbook.create_sheet(str(_("About")))
    for key, value in about:
        about_sheet.append([str(key), cell(str(value))])
    # Each header with its identifier in the API and in English exports, and what it holds.
    columns_sheet = workbook.create_sheet(str(_("Columns")))
    columns_sheet.append([str(_("column")), str(_("identifier")), str(_("what it holds"))])
    for column in dataset.columns:
        columns_sheet.append([column.header, column.name, cell(str(column.description))])
    output = tempfile.TemporaryFile()  # noqa: SIM115 — FileResponse closes it when sent
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=dataset.filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def json_response(dataset, records, about, request):
    def chunks():
        yield '{"about": ' + json.dumps({str(k): str(v) for k, v in about}) + ', "results": ['
        for index, record in enumerate(records.iterator(chunk_size=CHUNK)):
            data = dataset.serializer(record, context={"request": request}).data
            yield ("," if index else "") + json.dumps(data, ensure_ascii=False, default=str)
        yield "]}"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dataset.filename("json")}"'
    return response


def about_rows(dataset, request, version):
    return [
        (_("Dataset"), dataset.title),
        (_("Query"), request.GET.urlencode() or _("(no filters: everything published)")),
        (_("Exported at"), timezone.now().isoformat(timespec="seconds")),
        (_("Dataset version"), version),
        (_("Licence"), LICENCE),
        (_("How to cite"), str(CITE_ATLAS).format(version=version)),
        (_("Codebook"), request.build_absolute_uri("/data/")),
    ]


LICENCE = _(
    "Descriptions and classifications: City Pathways Atlas, CC BY 4.0. Facts come from the "
    "cited papers; coordinates from GeoNames (CC BY 4.0)."
)
CITE_ATLAS = _(
    "City Pathways Atlas: how cities shape regular migration pathways. Dataset version "
    "{version}. Cite each record's source paper as given in its citations."
)
