# read_participation.py FILE.xlsx - print the Kehadiran sheet of an
# ibm-score --roster report: title, header, rows, the counts beside them,
# page setup, and the Ringkasan rows of the participation counts.
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print('sheets:', wb.sheetnames)
k = wb['Kehadiran']
ps = k.page_setup
print('Kehadiran: paper=%s orientation=%s' % (ps.paperSize, ps.orientation))
print('title:', k['A1'].value)
for row in k.iter_rows(min_row=3, values_only=True):
    print('  ' + ' | '.join('' if v is None else str(v) for v in row))
r = wb['Ringkasan']
for row in r.iter_rows(min_row=3, max_col=2, values_only=True):
    if row[0] and ('undang' in row[0] or 'terdaftar' in row[0]):
        print('  Ringkasan: %s = %s' % row)
