#!/usr/bin/env python3
"""csv2xlsx.py - a CSV file as an office would send it as a workbook, made
with openpyxl: a merged title row and a blank row above the header,
numbers stored as numbers, ISO dates as date cells (dd/mm/yyyy format).

    csv2xlsx.py IN.csv OUT.xlsx [TITLE]"""
import csv
import datetime
import re
import sys

import openpyxl


def cell(v):
    if re.fullmatch(r'-?(0|[1-9][0-9]{0,14})', v):
        return int(v)
    if re.fullmatch(r'-?[0-9]+\.[0-9]+', v):
        return float(v)
    m = re.fullmatch(r'([0-9]{4})-([0-9]{2})-([0-9]{2})', v)
    if m:
        return datetime.datetime(*map(int, m.groups()))
    return v


def main():
    src, out = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else 'REKAPITULASI'
    with open(src, newline='', encoding='utf-8-sig') as f:
        sample = f.read(4096)
        f.seek(0)
        dialect = csv.Sniffer().sniff(sample, ',;\t|')
        rows = list(csv.reader(f, dialect))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Lembar1'
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1,
                   end_column=max(1, len(rows[0])))
    ws.append([])
    for i, r in enumerate(rows):
        ws.append(r if i == 0 else [cell(v) for v in r])
        for c in ws[ws.max_row]:
            if isinstance(c.value, datetime.datetime):
                c.number_format = 'dd/mm/yyyy'
    wb.save(out)


if __name__ == '__main__':
    main()
