#!/usr/bin/env python3
"""Half-typed code sweep (issues 13.2 and 15.9).

For every source file given, builds every prefix cut at a line boundary and
every one-line deletion, runs each through the CLI (and, with --clangd,
through `sessionlint-clangd --check`), and counts:

  crashes   a run that died on a signal, or said its analysis crashed;
  hangs     a run over --timeout seconds;
  spurious  a finding in a variant that does not compile which the complete
            file does not have at the same (mapped) place with the same
            message: half-typed code must not produce findings the finished
            code does not (a lock whose mutex is half renamed, a join cut off).

Deleting a line that leaves valid code may create a real finding (delete a
join, and the bug is real), so only variants that do not compile are held to
the "no new findings" rule.

--sample N keeps every Nth variant (CI runs a sample; the whole sweep runs
from bench/ or by hand). Exit status 1 when anything was counted.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile


def findings_of(sessionlint, path, flags, timeout):
    """(status, findings) where status is ok, noncompiling, crash or hang."""
    cmd = [sessionlint, '--format=json', '--keep-going', path, '--'] + flags
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 'hang', []
    if run.returncode < 0 or run.returncode not in (0, 1, 3):
        return 'crash', []
    try:
        out = json.loads(run.stdout)
    except json.JSONDecodeError:
        return 'crash', []
    if any('crashed' in e['message'] for e in out['errors']):
        return 'crash', []
    found = {(f['check'], f['line'], f['column'], f['message']) for f in out['findings']}
    return ('noncompiling' if out['errors'] else 'ok'), found


def clangd_status(clangd, path, timeout):
    try:
        run = subprocess.run([clangd, '--check=' + path, '--log=error'],
                             capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 'hang'
    return 'crash' if run.returncode < 0 else 'ok'


def variants(lines):
    """(name, text, line map variant->original) for every cut and deletion."""
    for cut in range(1, len(lines)):
        yield f'prefix{cut}', ''.join(lines[:cut]), lambda v: v
    for gone in range(len(lines)):
        if not lines[gone].strip():
            continue  # Deleting a blank line changes nothing but positions.
        text = ''.join(lines[:gone] + lines[gone + 1:])
        yield f'delete{gone + 1}', text, (lambda g: lambda v: v if v <= g else v + 1)(gone)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sessionlint', required=True)
    parser.add_argument('--clangd')
    parser.add_argument('--flags', default='', help='compiler flags, one string')
    parser.add_argument('--sample', type=int, default=1)
    parser.add_argument('--timeout', type=float, default=10.0)
    parser.add_argument('-j', type=int, default=os.cpu_count() or 2)
    parser.add_argument('--verbose', action='store_true')
    parser.add_argument('files', nargs='+')
    args = parser.parse_args()
    flags = args.flags.split()

    counts = {'variants': 0, 'noncompiling': 0, 'crashes': 0, 'hangs': 0, 'spurious': 0}
    problems = []
    with tempfile.TemporaryDirectory() as work, \
            concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        if args.clangd:
            with open(os.path.join(work, 'compile_flags.txt'), 'w') as f:
                f.write('\n'.join(flags) + '\n')
        for source in args.files:
            with open(source) as f:
                lines = f.readlines()
            status, original = findings_of(args.sessionlint, source, flags, args.timeout * 3)
            if status != 'ok':
                problems.append(f'{source}: the complete file is {status}')
                continue
            base = os.path.splitext(os.path.basename(source))[0]
            jobs = []
            for index, (name, text, to_original) in enumerate(variants(lines)):
                if index % args.sample:
                    continue
                path = os.path.join(work, f'{base}-{name}.cpp')
                with open(path, 'w') as f:
                    f.write(text)

                def one(path=path, name=name, to_original=to_original):
                    status, found = findings_of(args.sessionlint, path, flags, args.timeout)
                    extra = []
                    if status == 'noncompiling':
                        extra = sorted(f for f in found
                                       if (f[0], to_original(f[1]), f[2], f[3]) not in original)
                    clangd = clangd_status(args.clangd, path, args.timeout) if args.clangd else 'ok'
                    return name, status, extra, clangd
                jobs.append(pool.submit(one))
            for job in jobs:
                name, status, extra, clangd = job.result()
                counts['variants'] += 1
                where = f'{source} {name}'
                if status == 'noncompiling':
                    counts['noncompiling'] += 1
                for kind, bad in (('crashes', 'crash'), ('hangs', 'hang')):
                    for front, got in (('cli', status), ('clangd', clangd)):
                        if got == bad:
                            counts[kind] += 1
                            problems.append(f'{where}: {front} {bad}')
                if extra:
                    counts['spurious'] += 1
                    problems.append(f'{where}: finding the complete file lacks: {extra[0]}')
                if args.verbose:
                    print(where, status, clangd, len(extra), flush=True)
    for line in problems:
        print(line)
    print('sweep: ' + ', '.join(f'{v} {k}' for k, v in counts.items()))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
