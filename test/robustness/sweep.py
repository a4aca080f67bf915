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

A lit check file's own RUN line gives its compiler flags and check options
(%mock_flags, %S and --check-options are understood); --flags is for other
files. Two findings are the same when check, mapped line, column and message
agree, with the qualifiers of nested names dropped from the message (delete
a closing brace and `Job` becomes `Args::Job`).

--sample N keeps every Nth variant (CI runs a sample; the whole sweep runs
by hand, docs/design/robustness.md). Exit status 1 when anything was
counted.
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile


HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = os.path.join(os.path.dirname(HERE), 'Inputs')
RUN_LINE = re.compile(r'//\s*RUN:\s*%check_sessionlint(.*?)%s\s+--\s+(.*)$')
CHECK_OPTIONS = re.compile(r'--check-options="([^"]*)"')
QUALIFIER = re.compile(r'\b[A-Za-z_]\w*::')


def own_configuration(source, default_flags):
    """(flags, .clang-tidy text or None) from a lit check file's RUN line."""
    with open(source) as f:
        first = f.readline()
    m = RUN_LINE.search(first)
    if not m:
        return default_flags, None
    mock = ['-std=c++20', '-nostdinc++', '-isystem', INPUTS]
    flags = m.group(2).replace('%mock_flags', ' '.join(mock))
    flags = flags.replace('%S', os.path.dirname(os.path.abspath(source))).split()
    o = CHECK_OPTIONS.search(m.group(1))
    config = "Checks: '-*,sessionlint-*'\nCheckOptions: %s\n" % o.group(1) if o else None
    return flags, config


def normalised(finding):
    check, line, column, message = finding
    return check, line, column, QUALIFIER.sub('', message)


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
    found = {normalised((f['check'], f['line'], f['column'], f['message']))
             for f in out['findings']}
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
        for number, source in enumerate(args.files):
            with open(source) as f:
                lines = f.readlines()
            own_flags, config = own_configuration(source, flags)
            folder = os.path.join(work, str(number))
            os.makedirs(folder)
            if config:
                with open(os.path.join(folder, '.clang-tidy'), 'w') as f:
                    f.write(config)
            with open(os.path.join(folder, 'compile_flags.txt'), 'w') as f:
                f.write('\n'.join(own_flags) + '\n')
            complete = os.path.join(folder, os.path.basename(source))
            with open(complete, 'w') as f:
                f.write(''.join(lines))
            status, original = findings_of(args.sessionlint, complete, own_flags, args.timeout * 3)
            if status != 'ok':
                problems.append(f'{source}: the complete file is {status}')
                continue
            base = os.path.splitext(os.path.basename(source))[0]
            jobs = []
            for index, (name, text, to_original) in enumerate(variants(lines)):
                if index % args.sample:
                    continue
                path = os.path.join(folder, f'{base}-{name}.cpp')
                with open(path, 'w') as f:
                    f.write(text)

                def one(path=path, name=name, to_original=to_original, own_flags=own_flags):
                    status, found = findings_of(args.sessionlint, path, own_flags, args.timeout)
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
