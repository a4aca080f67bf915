#!/usr/bin/env python3
"""Scores sessionlint on the public evaluation corpus.

Every program under programs/ is a small realistic service written against
the mock headers in test/Inputs; with --real-headers, the programs under
real-headers/ are written against the library headers Debian installs
(scripts/debian-packages.txt), in shapes the mock corpus never had. A line that should carry a finding ends in
`// BUG` (SPEC section 5: the line of the capture or argument through which
the task obtains the session). A finding on a marked line is a true
positive, a finding anywhere else is noise, a marked line without a finding
is a miss. The script prints recall and precision and, with --min, fails
when either is below the bound.

usage: score.py --sessionlint PATH [--min 0.95] [--verbose]
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = os.path.join(HERE, '..', 'Inputs')
FINDING = re.compile(r'^(.*?):(\d+):\d+: warning: .*\[(sessionlint-[a-z-]+)\]$')


def expected_lines(path):
    with open(path, encoding='utf-8') as f:
        return {n for n, line in enumerate(f, 1) if line.rstrip().endswith('// BUG')}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sessionlint', required=True)
    parser.add_argument('--min', type=float, default=None,
                        help='fail when recall or precision is below this')
    parser.add_argument('--verbose', action='store_true')
    parser.add_argument('--real-headers', action='store_true',
                        help='score real-headers/ (programs written against the '
                             'headers Debian installs) instead of programs/')
    args = parser.parse_args()

    programs_dir = os.path.join(HERE, 'real-headers' if args.real_headers else 'programs')
    programs = sorted(os.path.join(programs_dir, p)
                      for p in os.listdir(programs_dir) if p.endswith('.cpp'))
    if args.real_headers:
        qt = '/usr/include/x86_64-linux-gnu/qt5'
        flags = ['-std=c++20', '-fopenmp', '-DBOOST_ASIO_HAS_CO_AWAIT=1', '-DASIO_HAS_CO_AWAIT=1',
                 '-include', 'utility', '-Wno-error=enum-constexpr-conversion',
                 '-I/usr/include/postgresql', '-fPIC', '-I' + qt,
                 '-I' + qt + '/QtCore', '-I' + qt + '/QtSql', '-I' + qt + '/QtConcurrent']
    else:
        flags = ['-std=c++20', '-nostdinc++', '-isystem', INPUTS, '-fopenmp']
    cmd = [args.sessionlint, '--quiet', *programs, '--', *flags]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.stderr.write(run.stdout + run.stderr)
        sys.stderr.write('score.py: sessionlint exited with %d; the corpus '
                         'must compile\n' % run.returncode)
        return 2

    found = {}
    for line in run.stdout.splitlines() + run.stderr.splitlines():
        m = FINDING.match(line)
        if m:
            found.setdefault(os.path.realpath(m.group(1)), set()).add(int(m.group(2)))

    tp = fp = fn = 0
    buggy = correct = 0
    for program in programs:
        want = expected_lines(program)
        got = found.get(os.path.realpath(program), set())
        buggy += bool(want)
        correct += not want
        name = os.path.basename(program)
        for line in sorted(want | got):
            if line in want and line in got:
                tp += 1
            elif line in got:
                fp += 1
                print('noise: %s:%d' % (name, line))
            else:
                fn += 1
                print('miss:  %s:%d' % (name, line))
        if args.verbose:
            print('%-40s expected %s found %s' % (name, sorted(want), sorted(got)))

    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    print('programs: %d (%d with bugs, %d correct)' % (len(programs), buggy, correct))
    print('findings: %d true, %d noise, %d missed' % (tp, fp, fn))
    print('recall: %.3f' % recall)
    print('precision: %.3f' % precision)
    if args.min is not None and (recall < args.min or precision < args.min):
        print('score.py: below the bound %.2f' % args.min)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
