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
            if checks:
                res = [check(wv, c, v, cached) for c, v, cached in checks]
                bad = [r for r in res if r != "ok"]
                print("  cached values recomputed: %d ok%s" % (
                    res.count("ok"), "; " + ", ".join(bad) if bad else ""))
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


def col_vals(wv, col, r1, r2, col2=None):
    """The values of col r1..r2, or of row r1 from col to col2 (a range
    along a row: Rekap Kab-Kota with the districts as columns)."""
    if col2 is not None and col2 != col:
        from openpyxl.utils import column_index_from_string as ci
        from openpyxl.utils import get_column_letter as cl
        return [wv["%s%d" % (cl(c), r1)].value
                for c in range(ci(col), ci(col2) + 1)]
    return [wv["%s%d" % (col, r)].value for r in range(r1, r2 + 1)]


def check(wv, c, formula, cached):
    """Recompute the formulas the workbook uses from the cells' values:
    SUM(X4:X9), SUMPRODUCT($D4:$D9,X4:X9)/SUMIF(X4:X9,"<>",$D4:$D9),
    COUNTIF($B$4:$B$9,B13), SUMIF($B$4:$B$9,B13,X4:X9) and
    SUMPRODUCT(($B$4:$B$9=B13)*$D$4:$D$9*X4:X9)/
    SUMPRODUCT(($B$4:$B$9=B13)*$D$4:$D$9*(X4:X9<>""))."""
    ref = r"\$?([A-Z]+)\$?(\d+)"
    rng = ref + ":" + ref
    v = None
    m = re.fullmatch(r"=SUM\(" + rng + r"\)", formula)
    if m:
        v = sum(x or 0 for x in col_vals(wv, m[1], int(m[2]), int(m[4]),
                                         m[3]))
    m = m or re.fullmatch(r"=SUMPRODUCT\(" + rng + "," + rng +
                          r"\)/SUMIF\(" + rng + r',"<>",' + rng + r"\)",
                          formula)
    if m and v is None:
        # the unit-weighted mean of the rows whose mean is not blank
        w = col_vals(wv, m[1], int(m[2]), int(m[4]), m[3])
        x = col_vals(wv, m[5], int(m[6]), int(m[8]), m[7])
        v = sum(a * b for a, b in zip(w, x) if b is not None) / \
            sum(a for a, b in zip(w, x) if b is not None)
    m2 = re.fullmatch(r"=(COUNTIF|SUMIF)\(" + rng + "," + ref +
                      r"(?:," + rng + r")?\)", formula)
    if m2:
        keys = col_vals(wv, m2[2], int(m2[3]), int(m2[5]))
        want = wv["%s%s" % (m2[6], m2[7])].value
        if m2[1] == "COUNTIF":
            v = sum(1 for k in keys if k == want)
        else:
            x = col_vals(wv, m2[8], int(m2[9]), int(m2[11]))
            v = sum(b or 0 for k, b in zip(keys, x) if k == want)
    m3 = re.fullmatch(r"=SUMPRODUCT\(\(" + rng + "=" + ref + r"\)\*" +
                      rng + r"\*" + rng + r"\)/SUMPRODUCT\(\(" + rng +
                      "=" + ref + r"\)\*" + rng + r"\*\(" + rng +
                      r'<>""\)\)', formula)
    if m3:
        # the province's districts with a mean, weighted by their units
        keys = col_vals(wv, m3[1], int(m3[2]), int(m3[4]))
        want = wv["%s%s" % (m3[5], m3[6])].value
        w = col_vals(wv, m3[7], int(m3[8]), int(m3[10]))
        x = col_vals(wv, m3[11], int(m3[12]), int(m3[14]))
        pairs = [(a, b) for k, a, b in zip(keys, w, x)
                 if k == want and b is not None]
        v = sum(a * b for a, b in pairs) / sum(a for a, b in pairs)
    if v is None:
        return "%s unknown formula" % c.coordinate
    if abs(v - cached) > 1e-9:
        return "%s WRONG (%r, recomputed %r)" % (c.coordinate, cached, v)
    return "ok"


main()
