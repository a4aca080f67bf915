#!/usr/bin/env python3
"""Scores sessionlint on semantics-preserving variants of its own tests.

Every function of the lit check tests (test/checks/*/*.cpp) and of the
public corpus (test/corpus/programs/*.cpp) is a case with a verdict that the
original file fixes: a function is *bad* when an expected warning is in it
(a CHECK-MESSAGES warning of the lit test, a `// BUG` line of the corpus),
*ok* otherwise. Known limits (functions named FN_* / FP_*) are left out.

Each rewrite of `sessionlint-variants` (checks/tools/Variants.cpp) turns
every file into a variant that does the same thing in another shape; the
variants are analysed, each finding is charged to the function it is in (a
generated helper to the function it came from), and each case scores:

  bad and a finding   true positive      ok and a finding   false positive
  bad and none        false negative     ok and none        true negative

The script prints recall and precision per rewrite and overall and, with
--min, fails when an overall figure is below the bound. A variant that does
not compile is a bug of the rewrite: it is counted, listed with --verbose,
and its cases are left out.

usage: run.py --bindir BUILD/tool --variants BUILD/checks/sessionlint-variants
              [--rewrites a,b] [--min 0.95] [--verbose] [--keep DIR]
"""
import argparse
import collections
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TEST = os.path.dirname(HERE)
INPUTS = os.path.join(TEST, 'Inputs')
MOCK_FLAGS = ['-std=c++20', '-nostdinc++', '-isystem', INPUTS]
REWRITES = ['field-ref', 'field-ptr', 'field-value', 'unique-ptr', 'shared-ptr',
            'typedef', 'helper', 'helper-2', 'lock-helper', 'member', 'macro-spawn',
            'macro-lock']
RUN_LINE = re.compile(r'//\s*RUN:\s*%check_sessionlint(.*?)%s\s+--\s+(.*)$')
CHECK_OPTIONS = re.compile(r'--check-options="([^"]*)"')
WARNING = re.compile(r'//\s*CHECK-MESSAGES:\s*:(\[\[@LINE([+-]\d+)?\]\]|\d+):[^:]*:\s*warning:')
FINDING = re.compile(r'^(.*?):(\d+):\d+: warning: .*\[(sessionlint-[a-z-]+)\]$')


class Case(object):
    def __init__(self, path, flags, config):
        self.path = path
        self.flags = flags
        self.config = config


def lit_cases():
    cases = []
    checks = os.path.join(TEST, 'checks')
    for check in sorted(os.listdir(checks)):
        folder = os.path.join(checks, check)
        for name in sorted(os.listdir(folder)):
            if not name.endswith('.cpp'):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8') as f:
                first = f.readline()
            m = RUN_LINE.search(first)
            if not m:
                continue
            options, flags = m.group(1), m.group(2)
            flags = flags.replace('%mock_flags', ' '.join(MOCK_FLAGS))
            flags = flags.replace('%S', folder).split()
            o = CHECK_OPTIONS.search(options)
            cases.append(Case(path, flags, '{CheckOptions: %s}' % o.group(1) if o else None))
    return cases


def corpus_cases():
    programs = os.path.join(TEST, 'corpus', 'programs')
    return [Case(os.path.join(programs, p), MOCK_FLAGS + ['-fopenmp'], None)
            for p in sorted(os.listdir(programs)) if p.endswith('.cpp')]


def expected_lines(path):
    """Lines that carry an expected warning."""
    lines = set()
    with open(path, encoding='utf-8') as f:
        for number, text in enumerate(f, 1):
            if text.rstrip().endswith('// BUG'):
                lines.add(number)
            m = WARNING.search(text)
            if m:
                where, offset = m.group(1), m.group(2)
                lines.add(number + int(offset or 0) if where.startswith('[[') else int(where))
    return lines


def list_functions(tool, path, flags):
    run = subprocess.run([tool, '--list-functions', path, '--'] + flags,
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None
    functions = []
    for line in run.stdout.splitlines():
        name, start, end = line.rsplit(' ', 2)
        functions.append((name, int(start), int(end)))
    return functions


def origin(name):
    """The function a generated one comes from: sl_helper_f_3 -> f."""
    short = name.split('::')[-1]
    owner = name.split('::')[0] if '::' in name else ''
    for candidate in (owner, short):
        m = re.match(r'^sl_[a-z]+_(.+)_\d+$', candidate)
        if m:
            return m.group(1)
    return short


def innermost(functions, line):
    best = None
    for name, start, end in functions:
        if start <= line <= end and (best is None or end - start < best[2] - best[1]):
            best = (name, start, end)
    return origin(best[0]) if best else None


def verdicts(functions, lines):
    """The set of (origin) functions that hold one of the lines."""
    return {innermost(functions, line) for line in lines} - {None}


def analyse(bindir, files, flags, config, jobs):
    cmd = [os.path.join(bindir, 'sessionlint'), '--quiet', '--keep-going',
           '-j%d' % jobs] + files
    if config:
        cmd.insert(1, '--config=' + config)
    run = subprocess.run(cmd + ['--'] + flags, capture_output=True, text=True)
    found = collections.defaultdict(set)
    for line in (run.stdout + run.stderr).splitlines():
        m = FINDING.match(line)
        if m:
            found[os.path.realpath(m.group(1))].add(int(m.group(2)))
    failed = set()
    for line in run.stderr.splitlines():
        m = re.match(r"sessionlint: error: cannot analyse '(.*?)'", line)
        if m:
            failed.add(os.path.realpath(m.group(1)))
    return found, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--bindir', required=True)
    parser.add_argument('--variants', required=True)
    parser.add_argument('--rewrites', default=','.join(REWRITES))
    parser.add_argument('--min', type=float, default=None)
    parser.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    parser.add_argument('--verbose', action='store_true')
    parser.add_argument('--keep', help='keep the variants in this folder')
    args = parser.parse_args()

    cases = lit_cases() + corpus_cases()
    work = args.keep or tempfile.mkdtemp(prefix='sessionlint-variants-')
    os.makedirs(work, exist_ok=True)

    # The verdict of every function, from the original files.
    expected = {}
    for case in cases:
        functions = list_functions(args.variants, case.path, case.flags)
        if functions is None:
            sys.exit('run.py: %s does not compile' % case.path)
        names = {origin(n) for n, _, _ in functions}
        bad = verdicts(functions, expected_lines(case.path))
        expected[case.path] = {n: n in bad for n in names
                               if not n.startswith(('FN_', 'FP_'))}

    totals = collections.Counter()
    rows = []
    for rewrite in args.rewrites.split(','):
        folder = os.path.join(work, rewrite)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)

        def make(case):
            out = os.path.join(folder, os.path.basename(os.path.dirname(case.path)) +
                               '__' + os.path.basename(case.path))
            run = subprocess.run([args.variants, '--rewrite=' + rewrite, case.path, '--'] +
                                 case.flags, capture_output=True, text=True)
            if run.returncode != 0:
                return case, None, False
            with open(out, 'w', encoding='utf-8') as f:
                f.write(run.stdout)
            with open(case.path, encoding='utf-8') as f:
                original = f.read()
            return case, out, run.stdout.split('\n', 2)[2] != original

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            made = list(pool.map(make, cases))
        groups = collections.defaultdict(list)
        for case, out, _ in made:
            if out:
                groups[(tuple(case.flags), case.config)].append((case, out))
        score = collections.Counter()
        broken = []
        for (flags, config), members in groups.items():
            found, failed = analyse(args.bindir, [o for _, o in members], list(flags),
                                    config, args.jobs)
            for case, out in members:
                real = os.path.realpath(out)
                if real in failed:
                    broken.append(out)
                    continue
                functions = list_functions(args.variants, out, case.flags)
                if functions is None:
                    broken.append(out)
                    continue
                flagged = verdicts(functions, found.get(real, set()))
                for name, bad in expected[case.path].items():
                    got = name in flagged
                    key = ('tp' if got else 'fn') if bad else ('fp' if got else 'tn')
                    score[key] += 1
                    if args.verbose and key in ('fn', 'fp'):
                        print('%s %s: %s in %s' % (rewrite, key.upper(), name, out))
        score['changed'] = sum(1 for _, out, changed in made if out and changed)
        score['files'] = len(made)
        score['broken'] = len(broken) + sum(1 for _, out, _ in made if not out)
        if args.verbose:
            for out in broken:
                print('%s: variant does not compile: %s' % (rewrite, out))
        rows.append((rewrite, score))
        for k in ('tp', 'fn', 'fp', 'tn'):
            totals[k] += score[k]

    def ratio(a, b):
        return a / (a + b) if a + b else 1.0

    print('%-12s %7s %7s %5s %5s %5s %5s %7s %9s' % (
        'rewrite', 'changed', 'broken', 'tp', 'fn', 'fp', 'tn', 'recall', 'precision'))
    for rewrite, s in rows:
        print('%-12s %3d/%-3d %7d %5d %5d %5d %5d %7.3f %9.3f' % (
            rewrite, s['changed'], s['files'], s['broken'], s['tp'], s['fn'], s['fp'],
            s['tn'], ratio(s['tp'], s['fn']), ratio(s['tp'], s['fp'])))
    recall = ratio(totals['tp'], totals['fn'])
    precision = ratio(totals['tp'], totals['fp'])
    print('overall: recall %.3f, precision %.3f (%d cases in %d variants)' % (
        recall, precision, sum(totals[k] for k in ('tp', 'fn', 'fp', 'tn')),
        sum(s['files'] for _, s in rows)))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if args.min is not None and (recall < args.min or precision < args.min):
        print('run.py: below the bound %.2f' % args.min)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
