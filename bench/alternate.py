#!/usr/bin/env python3
"""Median wall time and peak memory of two commands run alternately.

usage: alternate.py RUNS OUT COMMAND-A... ::: COMMAND-B...

Runs A, B, A, B, ... RUNS times each, so that machine noise falls on both,
and prints "wall_a peak_a wall_b peak_b" (seconds, KiB): the median wall
time and the largest peak resident memory of each. B's output (stdout and
stderr) of the last run is written to OUT; A's is discarded.
"""
import os
import statistics
import subprocess
import sys
import time


def run(cmd, sink):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.monotonic() - start, usage.ru_maxrss


def main():
    runs, out = int(sys.argv[1]), sys.argv[2]
    rest = sys.argv[3:]
    if rest.count(':::') != 1:
        sys.exit('usage: alternate.py RUNS OUT COMMAND-A... ::: COMMAND-B...')
    split = rest.index(':::')
    a_cmd, b_cmd = rest[:split], rest[split + 1:]
    a, b = [], []
    for _ in range(runs):
        with open(os.devnull, 'w') as sink:
            a.append(run(a_cmd, sink))
        with open(out, 'w') as sink:
            b.append(run(b_cmd, sink))
    med = lambda xs: statistics.median(x[0] for x in xs)
    print('%.3f %d %.3f %d' % (med(a), max(x[1] for x in a), med(b), max(x[1] for x in b)))


if __name__ == '__main__':
    main()
