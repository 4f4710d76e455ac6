#!/usr/bin/env python3
"""Which tables and indexes a running self-hosted server's commits write, read from its SQLite WAL.

Usage: benchmarks/wal-pages.py <data dir>   (while the server is under load, e.g. run-ingest.sh's half rate)

Copies the WAL, takes a consistent copy of the database through SQLite's backup API (page numbers are
kept), then walks the WAL frames of the current generation: a frame is one page written by a commit, and
a frame whose "database size" field is set ends a commit. It prints the pages per commit and, through
the dbstat table, which b-tree each page belongs to. Every page a commit touches is written whole (4 KiB)
to the WAL and copied again by the checkpoint, so this is where a commit's cost goes (docs/performance.md,
"Self-hosted at half rate: where a commit's pages go").
"""
import collections
import os
import shutil
import sqlite3
import struct
import sys
import tempfile


def frames(wal):
    """(page number, commit marker) of every frame of the WAL's current generation."""
    if len(wal) < 32:
        return []
    _magic, _version, page_size, _seq, salt1, salt2, _c1, _c2 = struct.unpack(">8I", wal[:32])
    out, off = [], 32
    while off + 24 + page_size <= len(wal):
        page, commit, s1, s2 = struct.unpack(">4I", wal[off : off + 16])
        if (s1, s2) != (salt1, salt2):  # an older generation's frame: the WAL restarted before it
            break
        out.append((page, commit))
        off += 24 + page_size
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: wal-pages.py <data dir of the self-hosted server>")
    db = os.path.join(sys.argv[1], "agentlens.db")
    tmp = tempfile.mkdtemp(prefix="wal-pages-")
    try:
        shutil.copy(db + "-wal", os.path.join(tmp, "wal"))
        with open(os.path.join(tmp, "wal"), "rb") as f:
            found = frames(f.read())
        src, copy = sqlite3.connect(db), sqlite3.connect(os.path.join(tmp, "copy.db"))
        src.backup(copy)
        src.close()
        owner = {p: n for n, p in copy.execute("select name, pageno from dbstat")}
        commits, current = [], []
        for page, commit in found:
            current.append(page)
            if commit:
                commits.append(current)
                current = []
        if not commits:
            sys.exit("no complete commit in the WAL's current generation; run it again under load")
        per = collections.Counter()
        for c in commits:
            for page in set(c):
                per[owner.get(page, "(new or freed since the copy)")] += 1
        total = sum(len(set(c)) for c in commits)
        print(f"{len(commits)} commits, {total / len(commits):.0f} distinct pages per commit")
        print("| b-tree | pages per commit | share |")
        print("|---|---|---|")
        for name, n in per.most_common(20):
            print(f"| {name} | {n / len(commits):.1f} | {100 * n / total:.0f} % |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
