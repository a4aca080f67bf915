#!/usr/bin/env python3
"""sessionlint against `clang++ -fsyntax-only` on real code (issue 12.2).

For each corpus built by build-corpus.sh (DIR/<package>/build/
compile_commands.json), per file and interleaved (A B A B, so machine noise
falls on both): wall time, CPU time and peak memory of `sessionlint` on the
file (one process: --in-process) and of clang++ with the database's own
arguments plus -fsyntax-only. Then the whole scan with -j1 and -j2, the
number of findings, and the files that did not compile. Prints a table per
corpus and writes every measurement to DIR/<package>/bench.json.

usage: bench/realcode/run.py [--dir DIR] [--bindir BUILD/tool] [--clang clang++-19]
                             [--runs 2] [--limit N] [package ...]
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def measured(cmd, cwd):
    """(wall s, cpu s, peak KiB, exit code) of one child process."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code


def syntax_only(entry, clang):
    args = entry.get('arguments') or shlex.split(entry['command'])
    out, skip = [clang], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ('-o', '-MF', '-MT', '-MQ'):
            skip = True
            continue
        if a in ('-c', '-MD', '-MMD') or a.startswith(('-o', '-MF')):
            continue
        out.append(a)
    return out + ['-fsyntax-only']


def bench(package, args):
    base = os.path.join(args.dir, package)
    build = os.path.join(base, 'build')
    with open(os.path.join(build, 'compile_commands.json')) as f:
        entries = json.load(f)
    # A file the database lists more than once (soci builds each source
    # for its shared and its static library, with different macros) is
    # analysed once per command, as clang-tidy does; so the floor it is
    # compared with is clang++ run once per command too.
    commands = {}
    for entry in entries:
        path = entry['file'] if os.path.isabs(entry['file']) else os.path.join(entry['directory'], entry['file'])
        commands.setdefault(path, []).append(entry)
    paths = list(commands)[:args.limit] if args.limit else list(commands)
    sessionlint = os.path.join(args.bindir, 'sessionlint')
    rows = []
    for path in paths:
        cwd = commands[path][0]['directory']
        b_cmd = [sessionlint, '--in-process', '--quiet', '-p', build, path]
        a, b = [], []
        for _ in range(args.runs):
            each = [measured(syntax_only(e, args.clang), e['directory']) for e in commands[path]]
            a.append((sum(x[0] for x in each), sum(x[1] for x in each),
                      max(x[2] for x in each), max(x[3] for x in each)))
            b.append(measured(b_cmd, cwd))
        row = {'file': os.path.relpath(path, base),
               'clang': [statistics.median(x[i] for x in a) for i in range(3)],
               'sessionlint': [statistics.median(x[i] for x in b) for i in range(3)],
               'commands': len(commands[path]),
               'compiles': a[0][3] == 0, 'sessionlint_exit': b[0][3]}
        rows.append(row)
        print(f'  {row["file"][:60]:60} {row["clang"][0]:6.2f}s {row["sessionlint"][0]:6.2f}s'
              f' {row["sessionlint"][0] / max(row["clang"][0], 1e-3):5.2f}x', flush=True)
    ok = [r for r in rows if r['compiles']]
    ratio = lambda i: statistics.median(r['sessionlint'][i] / max(r['clang'][i], 1e-6) for r in ok) if ok else 0
    worst = lambda i: max(r['sessionlint'][i] / max(r['clang'][i], 1e-6) for r in ok) if ok else 0
    total = {k: [sum(r[k][i] for r in ok) for i in range(2)] for k in ('clang', 'sessionlint')}
    scans = {}
    for jobs in (1, 2):
        out = os.path.join(base, f'scan-j{jobs}.json')
        start = time.monotonic()
        run = subprocess.run([sessionlint, f'-j{jobs}', '--keep-going', '--format=json',
                              f'--output={out}', '-p', build] +
                             ([r['file'] for r in rows] if args.limit else []),
                             cwd=base, capture_output=True, text=True)
        scans[jobs] = time.monotonic() - start
        result = json.load(open(out)) if os.path.exists(out) else {'findings': [], 'errors': []}
    # The result cache (--cache): a cold scan into an empty directory, then
    # the same scan again, nothing changed; -j2 both.
    cache = {}
    with tempfile.TemporaryDirectory(prefix='sessionlint-cache-') as cache_dir:
        for phase in ('cold', 'warm'):
            start = time.monotonic()
            subprocess.run([sessionlint, '-j2', '--keep-going', '--quiet', '--cache', cache_dir,
                            '-p', build] + ([r['file'] for r in rows] if args.limit else []),
                           cwd=base, capture_output=True)
            cache[phase] = time.monotonic() - start
    summary = {
        'package': package, 'version': open(os.path.join(base, 'VERSION')).read().strip(),
        'files': len(rows), 'not_compiling': len(rows) - len(ok),
        'median_ratio_wall': ratio(0), 'median_ratio_cpu': ratio(1), 'median_ratio_peak': ratio(2),
        'worst_ratio_wall': worst(0), 'worst_ratio_peak': worst(2),
        'worst_file_wall': max(ok, key=lambda r: r['sessionlint'][0] / max(r['clang'][0], 1e-6))['file'] if ok else '',
        'total_wall_clang': total['clang'][0], 'total_wall_sessionlint': total['sessionlint'][0],
        'scan_j1': scans[1], 'scan_j2': scans[2], 'speedup_j2': scans[1] / max(scans[2], 1e-6),
        'findings': len(result['findings']), 'not_analysed': len(result['errors']),
        'cache_cold': cache['cold'], 'cache_warm': cache['warm'],
        'cache_rescan_cost': cache['warm'] / max(scans[2], 1e-6),
    }
    with open(os.path.join(base, 'bench.json'), 'w') as f:
        json.dump({'summary': summary, 'files': rows}, f, indent=1)
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--dir', default='/var/tmp/sessionlint-realcode')
    parser.add_argument('--bindir', default=os.path.join(ROOT, 'build', 'tool'))
    parser.add_argument('--clang', default='/usr/lib/llvm-19/bin/clang++')
    parser.add_argument('--runs', type=int, default=2)
    parser.add_argument('--limit', type=int, default=0, help='only the first N files')
    parser.add_argument('packages', nargs='*')
    args = parser.parse_args()
    args.bindir = os.path.abspath(args.bindir)  # The runs change directory.
    packages = args.packages or sorted(
        d for d in os.listdir(args.dir)
        if os.path.exists(os.path.join(args.dir, d, 'build', 'compile_commands.json')))
    for package in packages:
        print(f'{package}:')
        s = bench(package, args)
        print(f'{package} {s["version"]}: {s["files"]} files ({s["not_compiling"]} do not compile), '
              f'median ratio wall {s["median_ratio_wall"]:.2f} cpu {s["median_ratio_cpu"]:.2f} '
              f'peak {s["median_ratio_peak"]:.2f}; total {s["total_wall_clang"]:.1f}s vs '
              f'{s["total_wall_sessionlint"]:.1f}s; scan -j1 {s["scan_j1"]:.1f}s -j2 '
              f'{s["scan_j2"]:.1f}s ({s["speedup_j2"]:.2f}x); {s["findings"]} findings, '
              f'{s["not_analysed"]} not analysed; worst file {s["worst_ratio_wall"]:.2f}x '
              f'({s["worst_file_wall"]}), peak worst {s["worst_ratio_peak"]:.2f}; cache cold '
              f'{s["cache_cold"]:.1f}s, unchanged rescan {s["cache_warm"]:.2f}s '
              f'({100 * s["cache_rescan_cost"]:.1f}% of the -j2 scan)')


if __name__ == '__main__':
    sys.exit(main())
