# Print the facts of an ibm-invite workbook: sheets, cells, merged
# ranges, print settings (read back with openpyxl, independent of the tool).
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
sheets = sys.argv[2:] or wb.sheetnames
print("sheets:", ", ".join(wb.sheetnames))
for name in sheets:
    ws = wb[name]
    print("== %s" % name)
    for row in ws.iter_rows(values_only=True):
        print(" | ".join("" if v is None else str(v).replace("\n", "\\n")
                         for v in row).rstrip(" |"))
    ps = ws.page_setup
    print("paper=%s orientation=%s fitToWidth=%s fitToHeight=%s fitToPage=%s"
          % (ps.paperSize, ps.orientation, ps.fitToWidth or 1, ps.fitToHeight,
             ws.sheet_properties.pageSetUpPr.fitToPage))
    print("print_title_rows=%s footer=%s" % (ws.print_title_rows,
                                             ws.oddFooter.center.text))
    print("merged=%s" % " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
    hs = sorted({ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)
                 if ws.row_dimensions[r].height})
    print("row heights:", hs)
    if ws.row_breaks.brk:
        print("page breaks before rows:",
              " ".join(str(b.id + 1) for b in ws.row_breaks.brk))
