#!/usr/bin/env python3
"""xlsx_render.py - an independent reading of a workbook's sheet with
openpyxl, rendered as ibmkit(7) says the reader renders cells, compared with
what `ibm-csv clean --sheet N` wrote.

    xlsx_render.py BOOK.xlsx SHEET_NUMBER IBM_CSV_OUTPUT.csv

Exit 0 when the ibm-csv output is the sheet's non-empty rows from its
header on (padded to the header's width), else 1 with the first
difference."""
import csv
import datetime
import re
import sys

import warnings

import openpyxl

warnings.simplefilter('ignore')


def fmt_float(v):
    if v == int(v) and abs(v) < 1e21:
        return str(int(v))
    r = repr(v)
    if 'e' in r:
        m, e = r.split('e')
        e = int(e)
        if -10 <= e < 21:
            from decimal import Decimal
            r = format(Decimal(r), 'f')
        else:
            r = '%sE%s%02d' % (m, '-' if e < 0 else '+', abs(e))
    return r


def fmt_number_format(code):
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', '', code.split(';')[0])
    return code


def render(cell):
    v = cell.value
    if v is None or cell.data_type == 'e':  # errors: left empty
        return ''
    if isinstance(v, bool):
        return 'TRUE' if v else 'FALSE'
    code = fmt_number_format(cell.number_format or 'General')
    if isinstance(v, datetime.datetime):
        has_time = re.search('[hHsS]', code)
        has_date = re.search('[dDyY]', code) or (
            re.search('[mM]', code) and not has_time)
        if has_date and not has_time:
            return v.strftime('%Y-%m-%d')
        s = v.strftime('%Y-%m-%d %H:%M')
        if 's' in code.lower() or v.second:
            s += ':%02d' % v.second
        return s if has_date else s[11:]
    if isinstance(v, datetime.date):
        return v.strftime('%Y-%m-%d')
    if isinstance(v, datetime.timedelta):
        t = round(v.total_seconds())
        s = '%d:%02d' % (t // 3600, t // 60 % 60)
        if 's' in code.lower() or t % 60:
            s += ':%02d' % (t % 60)
        return s
    if isinstance(v, datetime.time):
        s = '%02d:%02d' % (v.hour, v.minute)
        if 's' in code.lower() or v.second:
            s += ':%02d' % v.second
        return s
    if isinstance(v, (int, float)):
        if '%' in code:
            return fmt_float(float('%.15g' % (v * 100))) + '%'
        return fmt_float(float(v)) if isinstance(v, float) else str(v)
    # OOXML's escapes of control characters, as Excel reads them
    return re.sub(r'_x([0-9A-Fa-f]{4})_',
                  lambda m: chr(int(m.group(1), 16)), str(v))


def main():
    book, sheet, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    wb = openpyxl.load_workbook(book, data_only=True)
    ws = wb.worksheets[sheet - 1]
    rows = []
    for r in ws.iter_rows():
        vals = [render(c) for c in r]
        while vals and vals[-1] == '':
            vals.pop()
        if vals:
            rows.append(vals)
    with open(out, newline='', encoding='utf-8') as f:
        got = list(csv.reader(f))
    if not got:
        print('ibm-csv wrote nothing')
        return 1
    hdr = got[0]
    start = None
    for i, r in enumerate(rows):
        if r + [''] * (len(hdr) - len(r)) == hdr:
            start = i
            break
    if start is None:
        print('header %r is not a row of the sheet' % hdr)
        return 1
    want = [r + [''] * (len(hdr) - len(r)) for r in rows[start:]]
    if want != got:
        for i, (a, b) in enumerate(zip(want, got)):
            if a != b:
                print('row %d: openpyxl %r, ibm-csv %r' % (i, a, b))
                return 1
        print('openpyxl %d rows, ibm-csv %d' % (len(want), len(got)))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
