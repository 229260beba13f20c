#!/usr/bin/env python3
"""ontty.py - run a command with a terminal (a pty) as its standard input,
output and error, type Ctrl-D after half a second, and print what it wrote
(line ends as LF) and its exit status.

    ontty.py COMMAND [ARG...]"""
import os
import pty
import select
import sys
import time


def main():
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[1], sys.argv[1:])
    out = b''
    time.sleep(0.5)
    os.write(fd, b'\x04')
    while True:
        try:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                break
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    _, st = os.waitpid(pid, 0)
    sys.stdout.write(out.decode().replace('\r\n', '\n'))
    print('status', os.waitstatus_to_exitcode(st))


if __name__ == '__main__':
    main()
