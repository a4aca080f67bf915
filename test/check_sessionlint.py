#!/usr/bin/env python3
"""Runs one lit test file through sessionlint's three front ends.

Like clang-tidy's check_clang_tidy.py: expectations live in the test file as
`// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ...` (warnings) and
`// CHECK-NOTES: ...` (notes). The file is copied with those comments blanked
(so line numbers hold and the source snippets in the output cannot match the
patterns) into a scratch directory that also gets a `.clang-tidy` (the check
options) and `compile_flags.txt`, then analysed by:

  cli     sessionlint FILE -- FLAGS                 checked with FileCheck
  plugin  clang-tidy --load SessionLint.so ...      checked with FileCheck
  clangd  sessionlint-clangd --check=FILE           warnings by line and text

Every front end must produce exactly the expected warnings: any other
`warning:` or `error:` fails the test. clangd's --check mode prints neither
columns nor notes, so for clangd the line and message of each warning are
compared (notes are covered by the other two front ends).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHECK_COMMENT = re.compile(r'//\s*CHECK-(MESSAGES|NOTES)[A-Z0-9-]*:[^\n]*')
WARNING_PATTERN = re.compile(
    r'//\s*CHECK-MESSAGES:\s*:(\[\[@LINE([+-]\d+)?\]\]|\d+):[^:]*:\s*warning:\s*(.*)$')
CLANGD_WARNING = re.compile(r'\[(sessionlint-[a-z-]+)\] Line (\d+): (.*)$')


def filecheck_to_regex(pattern):
    """FileCheck literal text with {{regex}} blocks -> a Python regex."""
    out, pos = [], 0
    for m in re.finditer(r'\{\{(.*?)\}\}', pattern):
        out.append(re.escape(pattern[pos:m.start()]))
        out.append('(?:' + m.group(1) + ')')
        pos = m.end()
    out.append(re.escape(pattern[pos:]))
    return ''.join(out)


def expected_warnings(lines):
    """[(line, message regex)] from the CHECK-MESSAGES warning lines."""
    result = []
    for number, text in enumerate(lines, start=1):
        m = WARNING_PATTERN.search(text)
        if not m:
            continue
        where, offset, message = m.group(1), m.group(2), m.group(3).strip()
        line = number + int(offset or 0) if where.startswith('[[') else int(where)
        result.append((line, filecheck_to_regex(message)))
    return result


def run(cmd, cwd):
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def check_with_filecheck(name, output, test_file, prefixes, bindir_llvm):
    with tempfile.NamedTemporaryFile('w', suffix='.out', delete=False) as f:
        f.write(output)
        out_file = f.name
    cmd = [os.path.join(bindir_llvm, 'FileCheck'), '-input-file=' + out_file,
           test_file, '-check-prefixes=' + ','.join(prefixes),
           '-implicit-check-not={{warning|error}}:']
    code, stdout, stderr = run(cmd, os.getcwd())
    os.unlink(out_file)
    if code != 0:
        sys.stderr.write(f'--- {name}: FileCheck failed; output was:\n{output}\n'
                         f'--- FileCheck said:\n{stderr}\n')
        return False
    return True


def check_clangd(output, expected):
    got = []
    for line in output.splitlines():
        m = CLANGD_WARNING.search(line)
        if m:
            message = m.group(3)
            message = message[:1].lower() + message[1:]  # clangd capitalises
            got.append((int(m.group(2)), f'{message} [{m.group(1)}]'))
    missing = []
    remaining = list(got)
    for line, regex in expected:
        hit = next((g for g in remaining
                    if g[0] == line and re.search(regex, g[1])), None)
        if hit:
            remaining.remove(hit)
        else:
            missing.append((line, regex))
    if missing or remaining:
        sys.stderr.write('--- clangd: warnings differ\n')
        for line, regex in missing:
            sys.stderr.write(f'  expected at line {line}: {regex}\n')
        for line, text in remaining:
            sys.stderr.write(f'  unexpected at line {line}: {text}\n')
        sys.stderr.write('--- clangd output:\n' + output + '\n')
        return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--bindir', required=True)
    parser.add_argument('--llvm-bindir', required=True)
    parser.add_argument('--clang-tidy', help='the clang-tidy that loads the plugin (default: LLVM_BINDIR/clang-tidy)')
    parser.add_argument('--frontends', default='cli,plugin,clangd')
    parser.add_argument('--check-options', default='',
                        help='YAML mapping for CheckOptions, e.g. "{a: b}"')
    parser.add_argument('test_file')
    parser.add_argument('flags', nargs=argparse.REMAINDER)
    args = parser.parse_args()
    flags = args.flags[1:] if args.flags[:1] == ['--'] else args.flags

    with open(args.test_file) as f:
        source = f.read()
    lines = source.split('\n')
    prefixes = [p for p in ('CHECK-MESSAGES', 'CHECK-NOTES')
                if re.search(r'//\s*' + p + ':', source)]
    expected = expected_warnings(lines)

    scratch = tempfile.mkdtemp(prefix='sessionlint-test-')
    try:
        target = os.path.join(scratch, os.path.basename(args.test_file))
        with open(target, 'w') as f:
            f.write(CHECK_COMMENT.sub('//', source))
        with open(os.path.join(scratch, '.clang-tidy'), 'w') as f:
            f.write("Checks: '-*,sessionlint-*'\n")
            if args.check_options:
                f.write('CheckOptions: ' + args.check_options + '\n')
        with open(os.path.join(scratch, 'compile_flags.txt'), 'w') as f:
            f.write('\n'.join(flags) + '\n')
        with open(os.path.join(scratch, '.clangd'), 'w') as f:
            f.write('Diagnostics:\n  ClangTidy:\n    FastCheckFilter: None\n')

        ok = True
        for frontend in args.frontends.split(','):
            if frontend == 'cli':
                cmd = [os.path.join(args.bindir, 'sessionlint'), '--quiet',
                       target, '--'] + flags
            elif frontend == 'plugin':
                cmd = [args.clang_tidy or os.path.join(args.llvm_bindir, 'clang-tidy'),
                       '--load=' + os.path.join(args.bindir, 'SessionLint.so'),
                       '--quiet', target, '--'] + flags
            elif frontend == 'clangd':
                cmd = [os.path.join(args.bindir, 'sessionlint-clangd'),
                       '--check=' + target, '--check-warnings', '--log=error']
            else:
                sys.exit(f'unknown front end {frontend}')
            code, stdout, stderr = run(cmd, scratch)
            if frontend == 'clangd':
                ok &= check_clangd(stdout + stderr, expected)
                continue
            # Exit codes: the CLI says 1 for findings and 0 for none; a
            # crash or a usage error is a failure whatever the output.
            if frontend == 'cli' and code != (1 if expected else 0):
                sys.stderr.write(f'--- cli: exit code {code}, expected '
                                 f'{1 if expected else 0}\n{stdout}{stderr}\n')
                ok = False
                continue
            if code < 0 or (frontend == 'plugin' and code not in (0, 1)):
                sys.stderr.write(f'--- {frontend}: exit code {code}\n{stderr}\n')
                ok = False
                continue
            if prefixes:
                ok &= check_with_filecheck(frontend, stdout, args.test_file,
                                           prefixes, args.llvm_bindir)
            elif re.search(r'(warning|error):', stdout):
                sys.stderr.write(f'--- {frontend}: expected silence, got:\n'
                                 f'{stdout}\n')
                ok = False
        sys.exit(0 if ok else 1)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == '__main__':
    main()
