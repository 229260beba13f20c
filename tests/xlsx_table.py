#!/usr/bin/env python3
"""xlsx_table.py - the table of a workbook's sheet as ibmkit(7) (WORKBOOKS)
says the reader takes it, read independently with openpyxl, compared with
what `ibm-csv clean --sheet N [--header-row R]` wrote.

    xlsx_table.py BOOK.xlsx SHEET_NUMBER IBM_CSV_OUTPUT.csv [HEADER_ROW]

Exit 0 when they agree, else 1 with the first difference. When a blank
row ended the table and a row of more than one value stands below it,
prints "next R" with the first such row (the caller reads the table there
with --header-row R).
"""
import csv
import re
import sys
import warnings

import openpyxl

sys.path.insert(0, __file__.rsplit('/', 1)[0])
from xlsx_render import render  # noqa: E402

warnings.simplefilter('ignore')
SEARCH = 20


def key(s):
    return re.sub(r'[^0-9a-z]', '', s.lower())


def main():
    book, sheet, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    want_row = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    ws = openpyxl.load_workbook(book, data_only=True).worksheets[sheet - 1]
    rows, bold = {}, {}
    for r in ws.iter_rows():
        vals = [render(c) for c in r]
        while vals and vals[-1] == '':
            vals.pop()
        if vals:
            n = r[0].row
            rows[n] = vals
            bold[n] = all(c.font is not None and c.font.b for c in r
                          if render(c) != '')
    order = sorted(rows)
    merges = [(m.min_col - 1, m.min_row, m.max_col - 1, m.max_row)
              for m in ws.merged_cells.ranges]

    def nv(n):
        return sum(1 for v in rows[n] if v.strip())

    def cell(n, j):
        v = rows.get(n, [])
        return v[j] if j < len(v) else ''

    def merge_at(n, j):
        for m in merges:
            if m[1] <= n <= m[3] and m[0] <= j <= m[2]:
                return m
        return None

    if want_row:
        h = want_row
    else:
        h = order[0]
        if nv(h) <= 1:
            win = [n for n in order if n <= SEARCH]
            found = None
            i = 1
            while i < len(win) and found is None:
                j = i
                while j + 1 < len(win) and win[j + 1] == win[j] + 1:
                    j += 1
                best, most = None, 1
                for k in range(i, j):
                    if nv(win[k]) > most:
                        best, most = win[k], nv(win[k])
                found = best
                i = j + 1
            if found is None:
                most = 1
                for n in win[1:]:
                    if nv(n) > most:
                        found, most = n, nv(n)
            h = found or h
    above = h - 1 if (h - 1) in rows else None
    # two-row header
    nx = h + 1 if (h + 1) in rows else None
    if merges and nx:
        down = any(m[1] == h and m[3] > h for m in merges)
        across = [m for m in merges if m[1] == h == m[3] and m[2] > m[0]]
        under = all(cell(nx, c) != '' for m in across
                    for c in range(m[0], m[2] + 1))
        if down or (across and under and nv(h) > 1 and bold[nx] == bold[h]):
            above, h = h, nx
    group = False
    if above is not None and above == h - 1 and nv(above) and \
            bold[above] == bold[h]:
        for m in merges:
            if m[1] != above:
                continue
            if m[3] > above:
                group = True
                break
            if m[2] > m[0]:
                if nv(above) == 1 and m[0] == 0 and m[2] + 1 >= len(rows[h]):
                    group = False
                    break
                group = True
    w = len(rows[h])
    for m in merges:
        if m[1] <= h <= m[3] and m[0] <= w < m[2] + 1:
            w = m[2] + 1
    if group:
        w = max(w, len(rows[above]))
    names = []
    for j in range(w):
        hv, g, own, num = cell(h, j), '', False, 0
        m = merge_at(h, j)
        if hv == '' and m:
            if m[1] == h:
                hv, num = cell(h, m[0]), j - m[0] + 1
            elif group and m[1] == above:
                hv, own = cell(above, m[0]), True
        if group and not own:
            m = merge_at(above, j)
            if m and m[3] == above:
                g = cell(above, m[0])
            elif not m:
                g = cell(above, j)
        if g and key(hv[:len(g)]) == key(g) and key(g):
            g = ''
        name = ' '.join(x for x in (g, hv) if x)
        if num > 1 and hv:
            name += ' %d' % num
        names.append(name)
    last = max([j + 1 for j, n in enumerate(names) if n] or [0])
    after = [n for n in order if n > h]
    d = after[0] if after else None
    first = 0
    while first < last and not names[first] and cell(d, first) == '':
        first += 1
    if first >= last:
        first = 0
    end = last
    for j in range(first, last):
        if not names[j] and cell(d, j) == '':
            end = j
            break
    # the header repeated beside itself: blocks read one after the other
    blk = [first]
    k, wb = end, end - first
    while end < last:
        while k < last and not names[k]:
            k += 1
        if k >= last:
            break
        if names[k:k + wb] != names[first:end] or (
                k + wb < len(names) and names[k + wb]):
            blk = [first]
            break
        blk.append(k)
        k += wb
    hdr = names[first:end] if any(names) else rows[h]
    want = [hdr]
    later = {b: [] for b in range(1, len(blk))}
    prev, nxt, nrows = h, None, 0
    for n in after:
        sl = [[cell(n, j) for j in range(b, b + wb)] for b in blk] \
            if any(names) else [rows[n]]
        nvals = sum(1 for v in sl for x in v if x.strip())
        if not nvals:
            continue
        if nrows and n > prev + 1 and (nvals <= 1 or bold[n]):
            nxt = next((k for k in order if k >= n and nv(k) > 1), None)
            break
        nrows += 1
        prev = n
        for b, v in enumerate(sl):
            while v and v[-1] == '':
                v.pop()
            if v:
                (want if b == 0 else later[b]).append(
                    v + [''] * (len(hdr) - len(v)))
    for b in range(1, len(blk)):
        want += later[b]
    with open(out, newline='', encoding='utf-8') as f:
        got = list(csv.reader(f))
    if want != got:
        for i, (a, b) in enumerate(zip(want, got)):
            if a != b:
                print('row %d: openpyxl %r, ibm-csv %r' % (i, a, b))
                return 1
        print('openpyxl %d rows, ibm-csv %d' % (len(want), len(got)))
        return 1
    if nxt:
        print('next %d' % nxt)
    return 0


if __name__ == '__main__':
    sys.exit(main())
