#!/usr/bin/env python3
"""docx_tables.py - a Word document's tables as LibreOffice printed them.

    docx_tables.py DOC.docx DOC.pdf

For every table of DOC.docx with a head row (w:tblHeader), in the order
of the document: its head is on the page where all the words of its first
two rows after the head are, below it; a page never ends under a table's
head, or under its head and one row. Words are matched on poppler's
`pdftotext -bbox` of DOC.pdf (the document printed by LibreOffice), the
head found at or after where the previous table's head was. Prints
"DOC: N tables with a head, kept with two rows", or one line per table
whose head was left behind; exits 1 then. python3-docx and
poppler-utils.
"""
import html
import re
import subprocess
import sys

import docx
from docx.oxml.ns import qn

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" '
                  r'yMax="[\d.]+">([^<]*)</word>')


def pages(pdf):
    """[[(word, x, y)...] per page]."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    res = []
    for page in out.split("<page ")[1:]:
        res.append([(html.unescape(m.group(3)), float(m.group(1)),
                     float(m.group(2))) for m in WORD.finditer(page)])
    return res


def cell_texts(row):
    """The texts of a row's cells (a cell merged across columns once)."""
    out = []
    for tc in row._tr.tc_lst:
        paras = ["".join(e.text or "" if e.tag == qn("w:t") else " "
                         for e in p.iter(qn("w:t"), qn("w:br"),
                                         qn("w:tab")))
                 for p in tc.iter(qn("w:p"))]
        out.append(" ".join(paras))
    return out


def row_words(row):
    words = []
    for text in cell_texts(row):
        words += text.split()
    return words


def is_head(row):
    pr = row._tr.trPr
    return pr is not None and pr.find(qn("w:tblHeader")) is not None


def find_head(pgs, head, at):
    """(page, y) of the first line at or after at=(page, y) that holds the
    head's first words of its first and last cells."""
    first, last = head[0][0], head[-1][0]
    for p in range(at[0], len(pgs)):
        for (w, _, y) in pgs[p]:
            if w != first or (p == at[0] and y <= at[1]):
                continue
            if any(v == last and abs(z - y) < 30 for (v, _, z) in pgs[p]):
                return p, y
    return None


def main(argv):
    doc, pdf = argv[1], argv[2]
    pgs = pages(pdf)
    bad, n, at = [], 0, (0, -1.0)
    for t, table in enumerate(doc_tables(doc)):
        rows = table.rows
        k = 0
        while k < len(rows) and is_head(rows[k]):
            k += 1
        if k == 0 or k + 1 >= len(rows):
            continue
        head = [t.split() for t in cell_texts(rows[0]) if t.split()]
        if not head:
            continue
        n += 1
        found = find_head(pgs, head, at)
        if not found:
            bad.append("table %d: its head %r not found" % (
                t + 1, " ".join(head[0])))
            continue
        p, y = found
        at = (p, y)
        below = {}
        for (w, _, z) in pgs[p]:
            if z > y:
                below[w] = below.get(w, 0) + 1
        for r in (k, k + 1):
            need = {}
            for w in row_words(rows[r]):
                need[w] = need.get(w, 0) + 1
            if any(below.get(w, 0) < c for w, c in need.items()):
                bad.append("table %d: its head %r ends page %d without "
                           "row %d (%s)" % (t + 1, " ".join(head[0]),
                                            p + 1, r - k + 1,
                                            " ".join(row_words(rows[r]))[:40]))
                break
    for b in bad:
        print("docx_tables: %s: %s" % (doc, b), file=sys.stderr)
    print("%s: %d tables with a head, kept with two rows%s" % (
        doc, n, ", problems" if bad else ""))
    return 1 if bad else 0


def doc_tables(path):
    """Every table of the body in order, nested ones after their own."""
    d = docx.Document(path)
    out = []

    def walk(tables):
        for table in tables:
            out.append(table)
            for row in table.rows:
                for cell in row.cells:
                    walk(cell.tables)
    walk(d.tables)
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv))
