#!/usr/bin/env python3
"""Where one thread's wall time goes, read from /proc without forking: on a CPU, waiting for one, blocked.

Usage: benchmarks/thread-state.py PID THREAD-NAME SECONDS   (e.g. <server pid> sqlite-writer 10, under load)

Samples the thread's state every millisecond (R runnable, D blocked on I/O, S sleeping) with its kernel wait
channel, and reads its scheduler statistics at both ends: time on a CPU and time runnable but waiting in the
run queue. As root it also prints the most frequent kernel stacks of the D samples (/proc/.../stack), which
tell an fsync from a throttled write. docs/performance.md, "The writer's wall time at saturation".
"""
import collections
import os
import sys
import time


def find(pid, name):
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            if open(f"/proc/{pid}/task/{t}/comm").read().strip() == name:
                return f"/proc/{pid}/task/{t}"
        except OSError:
            continue  # why: a thread may end between listdir and open
    sys.exit(f"no thread named {name} in process {pid}")


def schedstat(base):
    on_cpu, waiting, _slices = open(base + "/schedstat").read().split()
    return int(on_cpu), int(waiting)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    pid, name, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    base = find(pid, name)
    cpu0, wait0 = schedstat(base)
    states, channels, stacks = collections.Counter(), collections.Counter(), collections.Counter()
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        stat = open(base + "/stat").read()
        state = stat[stat.rindex(")") + 2]
        states[state] += 1
        if state != "R":
            channels[open(base + "/wchan").read() or "?"] += 1
        if state == "D":
            try:
                lines = [l.split()[-1].split("+")[0] for l in open(base + "/stack") if l.strip()]
                stacks[" < ".join(lines[:10])] += 1
            except OSError:
                pass  # why: /proc/<pid>/stack needs root; the rest does not
        time.sleep(0.001)
    cpu1, wait1 = schedstat(base)
    elapsed = time.monotonic() - start
    total = sum(states.values())
    print(f"{name}: on a CPU {100 * (cpu1 - cpu0) / 1e9 / elapsed:.0f} %, "
          f"waiting for one {100 * (wait1 - wait0) / 1e9 / elapsed:.0f} % of {elapsed:.1f} s")
    print("states: " + ", ".join(f"{s} {100 * n / total:.0f} %" for s, n in states.most_common()))
    print("wait channels: " + ", ".join(f"{c} {n}" for c, n in channels.most_common(6)))
    for stack, n in stacks.most_common(5):
        print(f"  D {n}: {stack}")


if __name__ == "__main__":
    main()
