# Print the facts of an ibm-invite HTML letters file, read with Python's
# own HTML parser: title, print CSS, pages, each page's text lines, and
# the embedded logo compared with a file.
import base64
import re
import sys
from html.parser import HTMLParser


class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title = ""
        self.in_title = self.in_style = False
        self.style = ""
        self.pages = []
        self.cur = None
        self.imgs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag == "style":
            self.in_style = True
        if tag == "section" and "page" in a.get("class", "").split():
            self.cur = [a["class"], ""]
            self.pages.append(self.cur)
        if tag == "img":
            self.imgs.append(a.get("src", ""))
        if self.cur and tag in ("p", "tr", "li", "div", "h2", "h3"):
            self.cur[1] += "\n"
        if self.cur and tag in ("span", "br"):
            self.cur[1] += " "  # a line set by ibm-invite

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "style":
            self.in_style = False
        if tag == "td" and self.cur:
            self.cur[1] += " "

    def handle_data(self, d):
        if self.in_title:
            self.title += d
        elif self.in_style:
            self.style += d
        elif self.cur is not None:
            self.cur[1] += d


p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
print("title:", p.title)
print("@page A4:", "size: A4" in p.style)
print("page breaks:", "break-after: page" in p.style)
print("pages:", len(p.pages), "letters:",
      sum(1 for c, _ in p.pages if "letter" in c.split()))
for src in p.imgs[:1]:
    head, _, data = src.partition(",")
    print("logo:", head, end="")
    if len(sys.argv) > 2:
        print(" same as", sys.argv[2], base64.b64decode(data) ==
              open(sys.argv[2], "rb").read(), end="")
    print()
show = [int(x) for x in sys.argv[3:]] if len(sys.argv) > 3 else [1]
for i in show:
    print("== page", i)
    for line in p.pages[i - 1][1].split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            print(line)
