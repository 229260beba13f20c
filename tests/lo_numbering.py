"""A report's section and list numbers as LibreOffice (tests/lo.py)
numbers them: Word numbering, not text, so that they follow when people
edit. For each DOC.docx:
  - every Heading 1 of the body before the attachments ("Lampiran") and
    every Heading 2 has a list label, "A." ... and "1." ... from 1 under
    each Heading 1, the text itself starting with no number;
  - every lettered list item ("a.", "b.", ...) is labelled in order from
    "a." in each list;
  - a Heading 2 other than a section's last deleted, the next one takes
    its number; the first item of a list deleted, the next one becomes
    "a.".
Prints one line per document; problems on stderr, exit 1.

usage: lo_numbering.py TMPDIR DOC.docx..."""
import os
import re
import sys

import lo

NUMBERED = re.compile(r"^([A-Z]|[0-9]+|[a-z])[.)]\s")


def paragraphs(doc):
    """(paragraph, style, label, text) of the body's paragraphs."""
    out = []
    e = doc.Text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if not p.supportsService("com.sun.star.text.Paragraph"):
            continue
        out.append((p, p.ParaStyleName, p.getPropertyValue("ListLabelString"),
                    p.getString()))
    return out


def check(doc, bad):
    pars = paragraphs(doc)
    h1 = h2 = 0
    item = -1      # the index of a list item in its list
    kind = "a."
    for (_, style, label, text) in pars:
        if style in ("Heading 1", "Heading1"):
            if text.startswith("Lampiran"):
                break
            h1 += 1
            h2 = 0
            want = "%s." % chr(ord("A") + h1 - 1)
        elif style in ("Heading 2", "Heading2"):
            h2 += 1
            want = "%d." % h2
        elif style in ("List Text", "ListText"):
            item += 1
            if item == 0:
                kind = label if label in ("a.", "1)") else "a."
            want = "%s." % chr(ord("a") + item) if kind == "a." else \
                "%d)" % (item + 1)
        else:
            item = -1
            continue
        if style not in ("List Text", "ListText"):
            item = -1
        if label != want or NUMBERED.match(text):
            bad.append("%r: numbered %r, want %r as Word numbering" % (
                text[:40], label, want))
    # renumbering: a Heading 2 deleted, the next one takes its number
    heads = [(p, l, t) for (p, s, l, t) in pars
             if s in ("Heading 2", "Heading2")]
    for i in range(len(heads) - 1):
        p, label, _ = heads[i]
        if label[:-1].isdigit() and \
                heads[i + 1][1] == "%d." % (int(label[:-1]) + 1):
            nxt = heads[i + 1][0]
            doc.Text.removeTextContent(p)
            if nxt.getPropertyValue("ListLabelString") != label:
                bad.append("%r after a heading deleted: %r, want %r" % (
                    nxt.getString()[:40],
                    nxt.getPropertyValue("ListLabelString"), label))
            break
    else:
        bad.append("no two headings in a row to renumber")
    # a list's first item deleted: the next one is "a."
    pars = paragraphs(doc)
    for i in range(len(pars) - 1):
        if pars[i][2] == "a." and pars[i + 1][2] == "b.":
            doc.Text.removeTextContent(pars[i][0])
            got = pars[i + 1][0].getPropertyValue("ListLabelString")
            if got != "a.":
                bad.append("%r after the item before it deleted: %r, "
                           "want 'a.'" % (pars[i + 1][3][:40], got))
            break
    else:
        bad.append("no lettered list to renumber")
    return h1, h2


def main(argv):
    ok = True
    with lo.office(argv[1]) as desk:
        for path in argv[2:]:
            doc = lo.load(desk, path)
            bad = []
            h1, _ = check(doc, bad)
            doc.close(True)
            for b in bad[:15]:
                print("lo_numbering: %s: %s" % (os.path.basename(path), b),
                      file=sys.stderr)
            print("%s: %d sections numbered by Word%s" % (
                os.path.basename(path), h1, ", problems" if bad else ""))
            ok = ok and not bad
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
