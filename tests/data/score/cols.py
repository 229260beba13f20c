# cols.py FILE COL... - print the named columns of a CSV (test helper)
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))
idx = [rows[0].index(c) for c in sys.argv[2:]]
w = csv.writer(sys.stdout, lineterminator='\n')
for r in rows:
    w.writerow([r[i] for i in idx])
