#!/usr/bin/env python3
"""CPU per second while a benchmark runs, read from /proc without forking anything.

  benchmarks/cpu-sampler.py threads PID SECONDS    # a JVM's threads, grouped by name (numbers stripped)
  benchmarks/cpu-sampler.py processes SECONDS      # every process on the machine

Each line: the time, the machine's idle time, then the busiest groups, all in % of one core
(100 = one core for the whole second). A probe that forks per thread (cat, awk) stalled the
server under test for seconds on a 2-core VM; this one only reads files.
"""
import collections
import os
import re
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def ticks(stat_path):
    s = open(stat_path).read()
    name = s[s.index("(") + 1 : s.rindex(")")]
    fields = s[s.rindex(")") + 2 :].split()
    return name, int(fields[11]) + int(fields[12])  # utime + stime


def snapshot(mode, pid):
    out = {}
    base = f"/proc/{pid}/task" if mode == "threads" else "/proc"
    for entry in os.listdir(base):
        if not entry.isdigit():
            continue
        try:
            name, t = ticks(f"{base}/{entry}/stat")
        except (OSError, ValueError):
            continue  # why: a thread or process may end between listdir and open
        key = re.sub(r"[-#]?\d+$", "", name) if mode == "threads" else f"{name}:{entry}"
        out[entry] = (key, t)
    return out


def idle_ticks():
    f = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return f[3] + f[4]  # idle + iowait


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("threads", "processes"):
        sys.exit(__doc__)
    mode = sys.argv[1]
    pid = sys.argv[2] if mode == "threads" else None
    seconds = int(sys.argv[3] if mode == "threads" else sys.argv[2])
    prev, prev_idle, prev_t = snapshot(mode, pid), idle_ticks(), time.monotonic()
    for _ in range(seconds):
        time.sleep(1)
        try:
            cur = snapshot(mode, pid)
        except FileNotFoundError:
            return  # why: the process under test ended
        now_idle, now_t = idle_ticks(), time.monotonic()
        scale = 100.0 / HZ / (now_t - prev_t)
        groups = collections.Counter()
        for key, (name, t) in cur.items():
            groups[name] += t - prev.get(key, (name, 0))[1]
        busiest = " ".join(f"{n}={v * scale:.0f}" for n, v in groups.most_common(8) if v > 0)
        print(f"{time.strftime('%H:%M:%S')} idle={(now_idle - prev_idle) * scale:.0f} {busiest}", flush=True)
        prev, prev_idle, prev_t = cur, now_idle, now_t


if __name__ == "__main__":
    main()
