"""LibreOffice itself, driven through its API (Python-UNO) for the checks
that only the office program can make: what it reads of a workbook's cell
protection, borders and validation, and what it saves.

    with lo.office(tmpdir) as desk:
        doc = lo.load(desk, path)

starts a headless soffice of its own (its profile in tmpdir, a pipe named
after the process) and ends it on leaving.  Run with the system's python3
(python3-uno)."""
import contextlib
import os
import subprocess
import time

import uno
from com.sun.star.beans import PropertyValue


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


@contextlib.contextmanager
def office(tmp):
    pipe = "ibmkit%d" % os.getpid()
    env = dict(os.environ, HOME=tmp)
    proc = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file://%s/lo-profile" % tmp,
         "--headless", "--invisible", "--norestore", "--nologo",
         "--accept=pipe,name=%s;urp;" % pipe],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(300):
        try:
            ctx = resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError("soffice ended: %d" % proc.returncode)
            time.sleep(0.2)
    if ctx is None:
        proc.kill()
        raise RuntimeError("soffice did not answer")
    desk = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", ctx)
    try:
        yield desk
    finally:
        try:
            desk.terminate()
        except Exception:
            pass
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def load(desk, path):
    return desk.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
        (pv("Hidden", True),))


def store(doc, path, filt):
    """Save doc as path through the export filter filt (e.g. "Calc MS
    Excel 2007 XML", "calc_pdf_Export")."""
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                   (pv("FilterName", filt), pv("Overwrite", True)))
