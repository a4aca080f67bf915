#!/usr/bin/env python3
"""Markdown tables from the bench.json files run.py wrote (docs/performance.md).

usage: bench/realcode/table.py [--dir DIR] [--worst N] [package ...]
"""
import argparse
import json
import os
import statistics


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--dir', default='/var/tmp/sessionlint-realcode')
    parser.add_argument('--worst', type=int, default=5, help='files listed per package')
    parser.add_argument('packages', nargs='*')
    args = parser.parse_args()
    packages = args.packages or sorted(
        d for d in os.listdir(args.dir) if os.path.exists(os.path.join(args.dir, d, 'bench.json')))
    runs = {p: json.load(open(os.path.join(args.dir, p, 'bench.json'))) for p in packages}

    print('| package | files | median wall | worst wall | median CPU | median peak | worst peak '
          '| total clang / sessionlint | -j1 / -j2 scan | -j2 speed-up | cache cold / unchanged '
          '| findings |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|')
    for p, run in runs.items():
        s = run['summary']
        print(f'| {p} {s["version"]} | {s["files"]} | {s["median_ratio_wall"]:.2f} '
              f'| {s["worst_ratio_wall"]:.2f} | {s["median_ratio_cpu"]:.2f} '
              f'| {s["median_ratio_peak"]:.2f} | {s["worst_ratio_peak"]:.2f} '
              f'| {s["total_wall_clang"]:.0f} s / {s["total_wall_sessionlint"]:.0f} s '
              f'| {s["scan_j1"]:.0f} s / {s["scan_j2"]:.0f} s | {s["speedup_j2"]:.2f}x '
              f'| {s["cache_cold"]:.0f} s / {s["cache_warm"]:.2f} s '
              f'({100 * s["cache_rescan_cost"]:.1f} %) | {s["findings"]} |')
    print()
    print('| package | file | clang | sessionlint | wall ratio | peak ratio |')
    print('|---|---|---|---|---|---|')
    for p, run in runs.items():
        rows = [r for r in run['files'] if r['compiles']]
        rows.sort(key=lambda r: -r['sessionlint'][0] / max(r['clang'][0], 1e-6))
        for r in rows[:args.worst]:
            print(f'| {p} | `{os.path.basename(r["file"])}` | {r["clang"][0]:.2f} s '
                  f'| {r["sessionlint"][0]:.2f} s | {r["sessionlint"][0] / max(r["clang"][0], 1e-6):.2f} '
                  f'| {r["sessionlint"][2] / max(r["clang"][2], 1):.2f} |')


if __name__ == '__main__':
    main()
