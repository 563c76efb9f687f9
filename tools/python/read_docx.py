"""Reads a .docx file with python-docx (a reader the project did not write) and prints what a
person would see as JSON: the page size and margins (mm), every paragraph of the body in order
(text, alignment, whether all of it is bold, whether it is kept with the next), every table as rows
of cell texts, nested tables included, and the paragraphs of each table's cells; and how many
hyphens are non-breaking. Used by test/e2e/exports.e2e.test.ts.

    python read_docx.py FILE.docx
"""
import json
import sys

from docx import Document


def paragraph_of(p):
    runs = [r for r in p.runs if r.text.strip()]
    return {
        "text": p.text,
        "alignment": str(p.alignment) if p.alignment is not None else None,
        "bold": bool(runs) and all(r.bold for r in runs),
        "italic": bool(runs) and all(r.italic for r in runs),
        "fonts": sorted({r.font.name for r in runs if r.font.name}),
        "keepWithNext": bool(p.paragraph_format.keep_with_next),
    }


def table_of(t):
    return [[cell.text for cell in row.cells] for row in t.rows]


def all_tables(tables):
    for t in tables:
        yield t
        for row in t.rows:
            for cell in row.cells:
                yield from all_tables(cell.tables)


def main(path):
    doc = Document(path)
    section = doc.sections[0]
    mm = lambda length: round(length.mm, 1)
    print(json.dumps({
        "page": {
            "width": mm(section.page_width), "height": mm(section.page_height),
            "top": mm(section.top_margin), "bottom": mm(section.bottom_margin),
            "left": mm(section.left_margin), "right": mm(section.right_margin),
        },
        "paragraphs": [paragraph_of(p) for p in doc.paragraphs],
        "tables": [table_of(t) for t in all_tables(doc.tables)],
        "tableParagraphs": [
            [paragraph_of(p) for row in t.rows for cell in row.cells for p in cell.paragraphs]
            for t in all_tables(doc.tables)
        ],
        "noBreakHyphens": len(doc.element.body.xpath(".//w:noBreakHyphen")),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
