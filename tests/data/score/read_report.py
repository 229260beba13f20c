# read_report.py FILE.xlsx - print the facts the report cases check
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print('sheets:', wb.sheetnames)
print('title:', wb.properties.title)
for ws in wb:
    ps = ws.page_setup
    print('%s: paper=%s orientation=%s rows=%d cols=%d print_title_rows=%s charts=%d'
          % (ws.title, ps.paperSize, ps.orientation, ws.max_row, ws.max_column,
             ws.print_title_rows, len(ws._charts)))
    print('  footer:', ws.oddFooter.center.text, 'scale:', ps.scale,
          'fit:', ws.sheet_properties.pageSetUpPr.fitToPage
          if ws.sheet_properties.pageSetUpPr else None,
          'repeat cols:', ws.print_title_cols)
r = wb['Ringkasan']
for row in r.iter_rows(min_row=3, max_col=2, values_only=True):
    if row[0] is not None:
        print('  %s = %s' % (row[0], row[1] if not isinstance(row[1], float) else round(row[1], 4)))
for row in r.iter_rows(min_row=3, max_col=2):
    if row[0].value is not None and row[1].data_type == 'n':
        print('  format %s: %s' % (row[0].value, row[1].number_format))
for row in r.iter_rows(min_row=3, min_col=4, max_col=5, values_only=True):
    if row[0] is not None:
        print('  chart data: %s = %s' % row)
p = wb['Peserta']
top = next(i for i in range(1, p.max_row + 1) if p.cell(i, 1).value == 'Nama')
for i in range(2, top):
    print('  Peserta legend:', p.cell(i, 1).value, p.cell(i, 1).fill.fgColor.rgb)
hdr = [c.value for c in p[top]]
print('  Peserta header:', hdr)
cat = hdr.index('Kategori N-Gain') + 1 if 'Kategori N-Gain' in hdr else None
print('  Peserta formats:', [c.number_format for c in p[top + 1]])
for row in p.iter_rows(min_row=top + 1):
    vals = [c.value for c in row]
    fill = row[cat - 1].fill.fgColor.rgb if cat and row[cat - 1].value else '-'
    print('  ', vals[0], vals[2:5], row[cat - 1].value if cat else '', fill)
if 'Butir Soal' in wb.sheetnames:
    b = wb['Butir Soal']
    top = next(i for i in range(1, b.max_row + 1) if b.cell(i, 1).value == 'No.')
    print('  legend:', b.cell(top - 2, 2).value, b.cell(top - 2, 1).fill.fgColor.rgb)
    print('  band:', [c.value for c in b[top - 1]])
    print('  header:', [c.value for c in b[top]])
    print('  formats:', [c.number_format for c in b[top + 1]])
    for row in b.iter_rows(min_row=top + 1):
        print('   item', row[0].value, 'fill', row[1].fill.fgColor.rgb, [c.value for c in row][4:8])
