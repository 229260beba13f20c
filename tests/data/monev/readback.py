"""Read an ibm-monev workbook back with openpyxl and print what it holds.

usage: $PYTHON readback.py FILE.xlsx [SHEET...]
Prints the sheet order, then per sheet (all, or the ones named) its print
setup, panes, autofilter, conditional formats and cell values; for
formulas the formula and the cached value, and whether the cached value
equals the sum (or unit-weighted mean) recomputed here from the cells.
Charts are read from the package XML (openpyxl does not load them).
"""
import re
import sys
import zipfile

import openpyxl


def fmt(v):
    if isinstance(v, float):
        return repr(round(v, 6))
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return repr(v)


def main():
    path = sys.argv[1]
    only = sys.argv[2:]
    wb = openpyxl.load_workbook(path)
    wbv = openpyxl.load_workbook(path, data_only=True)
    print("sheets:", wb.sheetnames)
    for ws in wb.worksheets:
        if only and ws.title not in only:
            continue
        wv = wbv[ws.title]
        ps = ws.page_setup
        print("== %s" % ws.title)
        fit = ws.sheet_properties.pageSetUpPr
        print("print: orientation=%s paper=%s fit=%s width=%s height=%s "
              "titles=%s footer=%r" % (
                  ps.orientation, ps.paperSize, fit and fit.fitToPage,
                  ps.fitToWidth if ps.fitToWidth is not None else 1,
                  ps.fitToHeight, ws.print_title_rows,
                  ws.oddFooter.center.text))
        print("panes:", ws.freeze_panes, "filter:", ws.auto_filter.ref)
        for rng, rules in ws.conditional_formatting._cf_rules.items():
            for r in rules:
                print("cf:", rng.sqref, r.type, r.operator, r.text,
                      r.formula)
        for row in ws.iter_rows():
            cells = []
            checks = []
            for c in row:
                if c.value is None:
                    continue
                v = c.value
                if isinstance(v, str) and v.startswith("="):
                    cached = wv[c.coordinate].value
                    cells.append("%s=%s [%s]" % (c.coordinate, v,
                                                 fmt(cached)))
                    checks.append((c, v, cached))
                else:
                    cells.append("%s=%s" % (c.coordinate, fmt(v)))
            if cells:
                print(" ".join(cells))
            for c, v, cached in checks:
                check(ws, wv, c, v, cached)
    with zipfile.ZipFile(path) as z:
        for n in sorted(z.namelist()):
            if n.startswith("xl/charts/chart"):
                x = z.read(n).decode()
                kind = re.findall(r"<c:(barChart|bar3DChart|lineChart)", x)
                print("chart %s: %s dir=%s grouping=%s series=%d refs=%s" % (
                    n, kind, re.findall(r'<c:barDir val="(\w+)"', x),
                    re.findall(r'<c:grouping val="(\w+)"', x),
                    x.count("<c:ser>"),
                    sorted(set(re.findall(r"<c:f>([^<]*)</c:f>", x)))))


def check(ws, wv, c, formula, cached):
    """Recompute SUM(X4:X9) and SUMPRODUCT($D4:$D9,X4:X9)/SUM($D4:$D9)."""
    m = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", formula)
    if m:
        vals = [wv["%s%d" % (m.group(1), r)].value or 0
                for r in range(int(m.group(2)), int(m.group(4)) + 1)]
        ok = abs(sum(vals) - cached) < 1e-9
        print("  check %s: %s" % (c.coordinate, "ok" if ok else "WRONG"))
        return
    m = re.fullmatch(r"=SUMPRODUCT\(\$([A-Z]+)(\d+):\$[A-Z]+(\d+),"
                     r"([A-Z]+)\d+:[A-Z]+\d+\)/SUM\(.*\)", formula)
    if m:
        rows = range(int(m.group(2)), int(m.group(3)) + 1)
        w = [wv["%s%d" % (m.group(1), r)].value for r in rows]
        x = [wv["%s%d" % (m.group(4), r)].value for r in rows]
        v = sum(a * b for a, b in zip(w, x)) / sum(w)
        ok = abs(v - cached) < 1e-9
        print("  check %s: %s" % (c.coordinate, "ok" if ok else "WRONG"))
        return
    print("  check %s: unknown formula" % c.coordinate)


main()
