# Print an ibm-spj workbook as openpyxl reads it (independent of the tool):
# the sheets, each row's cells (a formula with its cached value as
# "=F [value]"), the merged ranges and the print settings.
import sys
import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
vals = openpyxl.load_workbook(path, data_only=True)
print("sheets:", ", ".join(wb.sheetnames))
for name in sys.argv[2:] or wb.sheetnames:
    ws, wv = wb[name], vals[name]
    print("== %s" % name)
    for row, vrow in zip(ws.iter_rows(), wv.iter_rows()):
        cells = []
        for c, v in zip(row, vrow):
            if c.value is None:
                cells.append("")
            elif isinstance(c.value, str) and c.value.startswith("="):
                cells.append("%s [%s]" % (c.value, v.value))
            else:
                cells.append(str(c.value).replace("\n", "\\n"))
        print(" | ".join(cells).rstrip(" |"))
    ps = ws.page_setup
    print("paper=%s orientation=%s scale=%s fitToPage=%s" %
          (ps.paperSize, ps.orientation, ps.scale,
           ws.sheet_properties.pageSetUpPr.fitToPage))
    print("print_title_rows=%s footer=%s" % (ws.print_title_rows,
                                             ws.oddFooter.center.text))
    if ws.row_breaks.brk:
        print("page breaks before rows:",
              " ".join(str(b.id + 1) for b in ws.row_breaks.brk))
