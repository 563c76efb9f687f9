"""Reads an .xlsx file with openpyxl (a reader the project did not write) and prints what a person
would see as JSON: per sheet its frozen panes, autofilter, column widths, print setup, the lines
above its table (title, as-of, filters: the rows above the frozen header row) and, from the header
row down, row heights, the cells not ruled on all four sides (thin) and every cell's value, type
and number format. Used by test/e2e/exports.e2e.test.ts.

    python read_xlsx.py FILE.xlsx
"""
import datetime
import json
import sys

from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_from_string


def cell_of(cell):
    value = cell.value
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return {"type": "date", "value": value.isoformat(), "format": cell.number_format}
    if isinstance(value, (int, float)):
        return {"type": "number", "value": value, "format": cell.number_format}
    return {"type": "text", "value": str(value), "format": cell.number_format}


def ruled(cell):
    sides = (cell.border.top, cell.border.left, cell.border.bottom, cell.border.right)
    return all(side is not None and side.style == "thin" for side in sides)


def header_row(ws):
    """The row frozen last (the table's header); the first row when nothing is frozen."""
    if not ws.freeze_panes:
        return 1
    # Not ws[...]: reading a cell that way creates it, and the sheet would grow a row.
    return max(1, coordinate_from_string(ws.freeze_panes)[1] - 1)


def sheet_of(ws):
    top = header_row(ws)
    return {
        "name": ws.title,
        "frozen": ws.freeze_panes,
        "autoFilter": ws.auto_filter.ref,
        "widths": {key: dim.width for key, dim in ws.column_dimensions.items()},
        "title": [
            " ".join(str(c.value) for c in row if c.value is not None)
            for row in ws.iter_rows(max_row=top - 1)
        ],
        "heights": [ws.row_dimensions[r].height for r in range(top, ws.max_row + 1)],
        "print": {
            "orientation": ws.page_setup.orientation,
            "fitToWidth": ws.page_setup.fitToWidth,
            "titleRows": ws.print_title_rows,
        },
        "unruled": [
            c.coordinate for row in ws.iter_rows(min_row=top) for c in row if not ruled(c)
        ],
        "rows": [[cell_of(c) for c in row] for row in ws.iter_rows(min_row=top)],
    }


def main(path):
    wb = load_workbook(path)
    print(json.dumps({"sheets": [sheet_of(ws) for ws in wb.worksheets]}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
