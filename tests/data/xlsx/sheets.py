#!/usr/bin/env python3
"""sheets.py - a workbook of several sheets, each a CSV file as it is
(header on row 1), made with openpyxl.

    sheets.py OUT.xlsx NAME=IN.csv [NAME=IN.csv ...]"""
import csv
import sys

import openpyxl


def main():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for arg in sys.argv[2:]:
        name, src = arg.split('=', 1)
        ws = wb.create_sheet(name)
        with open(src, newline='', encoding='utf-8-sig') as f:
            for row in csv.reader(f):
                ws.append(row)
    wb.save(sys.argv[1])


if __name__ == '__main__':
    main()
