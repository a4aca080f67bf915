#!/usr/bin/env python3
"""Editor latency of the clangd bundle: time from didOpen / didChange to the
publishDiagnostics of that version, over LSP on stdio, with the sessionlint
checks on (the default) and off (`Checks: '-sessionlint-*'` in .clang-tidy).
The difference is what the checks add to every keystroke's re-analysis.

usage: bench/clangd-latency.py [--clangd BUILD/tool/sessionlint-clangd]
                               [--file F] [--edits N] -- compiler flags
Defaults: the bundled example against the real Boost.Asio and libpqxx
headers, 10 edits (a comment appended, so the preamble is reused).
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'test', 'clangd'))
from lsp_session import Client  # noqa: E402


def measure(clangd, source, flags, edits, checks_on):
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, os.path.basename(source))
        with open(source) as f:
            text = f.read()
        with open(path, 'w') as f:
            f.write(text)
        with open(os.path.join(work, 'compile_flags.txt'), 'w') as f:
            f.write('\n'.join(flags) + '\n')
        if not checks_on:
            with open(os.path.join(work, '.clang-tidy'), 'w') as f:
                f.write("Checks: '-sessionlint-*'\n")
        os.environ['HOME'] = work
        os.environ['XDG_CONFIG_HOME'] = os.path.join(work, '.config')
        uri = 'file://' + path
        with open(os.devnull, 'w') as log:
            client = Client([clangd, '--log=error', '--background-index=false'], work, log)
            client.request('initialize', {'processId': os.getpid(), 'rootUri': 'file://' + work,
                                          'capabilities': {'textDocument': {'publishDiagnostics': {
                                              'relatedInformation': True, 'versionSupport': True}}}})
            client.notify('initialized', {})
            start = time.monotonic()
            client.notify('textDocument/didOpen', {'textDocument': {
                'uri': uri, 'languageId': 'cpp', 'version': 1, 'text': text}})
            found = client.diagnostics(uri, 1)
            opened = time.monotonic() - start
            times = []
            for version in range(2, edits + 2):
                text += f'\n// edit {version}\n'
                start = time.monotonic()
                client.notify('textDocument/didChange', {
                    'textDocument': {'uri': uri, 'version': version},
                    'contentChanges': [{'text': text}]})
                client.diagnostics(uri, version)
                times.append(time.monotonic() - start)
            client.request('shutdown', None)
            client.notify('exit', None)
            client.proc.wait(timeout=60)
    return opened, statistics.median(times), len(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--clangd', default=os.path.join(ROOT, 'build', 'tool', 'sessionlint-clangd'))
    parser.add_argument('--file', default=os.path.join(ROOT, 'examples', 'coverageiq', 'src',
                                                       'job_manager.cpp'))
    parser.add_argument('--edits', type=int, default=10)
    parser.add_argument('flags', nargs='*')
    args = parser.parse_args()
    flags = args.flags or ['-std=c++20', '-DBOOST_ASIO_HAS_CO_AWAIT=1', '-include', 'utility']
    clangd = os.path.abspath(args.clangd)
    print(f'{"checks":8} {"open_s":>8} {"edit_median_s":>14} {"findings":>9}')
    results = {}
    # Interleaved, so that machine noise falls on both.
    for round_ in range(2):
        for on in (True, False):
            results.setdefault(on, []).append(measure(clangd, args.file, flags, args.edits, on))
    for on in (True, False):
        opened = statistics.median(r[0] for r in results[on])
        edit = statistics.median(r[1] for r in results[on])
        print(f'{"on" if on else "off":8} {opened:8.2f} {edit:14.3f} {results[on][0][2]:9}')
    on_edit = statistics.median(r[1] for r in results[True])
    off_edit = statistics.median(r[1] for r in results[False])
    print(f'edit latency ratio (on / off): {on_edit / off_edit:.2f}')


if __name__ == '__main__':
    main()
