#!/usr/bin/env python3
"""The clangd bundle as an editor meets it, over LSP on stdio (issue 11.5).

Starts sessionlint-clangd in a scratch project that has no .clangd and no
.clang-tidy, opens the buggy example, and requires:
  1. a publishDiagnostics with the sessionlint finding, whose message and
     related information are the CLI's message and notes (same text, same
     places);
  2. after didChange to the fixed text (never saved), diagnostics without it;
  3. after didChange back to the buggy text with a NOLINT on the line,
     diagnostics without it;
  4. after didChange back to the buggy text, the finding again;
  5. a clean shutdown (exit code 0).

Usage: lsp_session.py --clangd BIN --sessionlint BIN --buggy F --fixed F
                      --workdir DIR [-- compiler flags]
"""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time

TIMEOUT = 240  # seconds for one answer; the real Asio headers parse slowly


class Client:
    def __init__(self, command, cwd, log):
        self.proc = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=log)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b':')
                if name.lower() == b'content-length':
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({'jsonrpc': '2.0', 'method': method, 'params': params})

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({'jsonrpc': '2.0', 'id': ident, 'method': method, 'params': params})
        return self.wait(lambda m: m.get('id') == ident and 'method' not in m)

    def wait(self, wanted):
        deadline = time.monotonic() + TIMEOUT
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit('lsp: timed out waiting for an answer')
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                sys.exit(f'lsp: the server closed its output (exit {self.proc.wait()})')
            if 'method' in message and 'id' in message:
                # A request from the server (workDoneProgress/create, ...).
                self.send({'jsonrpc': '2.0', 'id': message['id'], 'result': None})
                continue
            if wanted(message):
                return message

    def diagnostics(self, uri, version):
        message = self.wait(lambda m: m.get('method') == 'textDocument/publishDiagnostics'
                            and m['params']['uri'] == uri
                            and m['params'].get('version') == version)
        return [d for d in message['params']['diagnostics']
                if str(d.get('code', '')).startswith('sessionlint-')]


def cli_findings(sessionlint, path, flags):
    run = subprocess.run([sessionlint, '--format=json', path, '--'] + flags,
                         capture_output=True, text=True)
    if run.returncode != 1:
        sys.exit(f'lsp: the CLI exited {run.returncode} on {path}: {run.stderr}')
    return json.loads(run.stdout)['findings']


def same_text(lsp, cli):
    # clangd capitalises the first letter of every message.
    return lsp[:1].lower() == cli[:1].lower() and lsp[1:] == cli[1:]


def check_against_cli(diagnostics, findings, uri):
    if len(diagnostics) != len(findings):
        sys.exit(f'lsp: {len(diagnostics)} sessionlint diagnostics, the CLI has '
                 f'{len(findings)}: {json.dumps(diagnostics, indent=1)}')
    for diag, finding in zip(sorted(diagnostics, key=lambda d: d['range']['start']['line']),
                             findings):
        start = diag['range']['start']
        where = (start['line'] + 1, start['character'] + 1)
        if where != (finding['line'], finding['column']) or diag['code'] != finding['check']:
            sys.exit(f'lsp: diagnostic at {where} {diag["code"]}, the CLI says '
                     f'{finding["line"]}:{finding["column"]} {finding["check"]}')
        if not same_text(diag['message'], finding['message']):
            sys.exit(f'lsp: message {diag["message"]!r}, the CLI says {finding["message"]!r}')
        related = [(r['location']['uri'], r['location']['range']['start']['line'] + 1,
                    r['location']['range']['start']['character'] + 1, r['message'])
                   for r in diag.get('relatedInformation', [])]
        notes = [(uri, n['line'], n['column'], n['message']) for n in finding['notes']]
        if len(related) != len(notes) or not all(
                r[:3] == n[:3] and same_text(r[3], n[3]) for r, n in zip(related, notes)):
            sys.exit(f'lsp: related information {related}, the CLI notes {notes}')
        print(f'lsp: {diag["code"]} at {where[0]}:{where[1]} with {len(related)} notes, as the CLI')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--clangd', required=True)
    parser.add_argument('--sessionlint', required=True)
    parser.add_argument('--buggy', required=True)
    parser.add_argument('--fixed', required=True)
    parser.add_argument('--workdir', required=True)
    parser.add_argument('flags', nargs='*')
    args = parser.parse_args()
    args.clangd = os.path.abspath(args.clangd)

    work = os.path.abspath(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    source = os.path.join(work, os.path.basename(args.buggy))
    shutil.copy(args.buggy, source)
    with open(os.path.join(work, 'compile_flags.txt'), 'w') as f:
        f.write('\n'.join(args.flags) + '\n')
    for config in ('.clangd', '.clang-tidy'):
        if os.path.exists(os.path.join(work, config)):
            sys.exit(f'lsp: {config} must not exist for this test')
    with open(args.buggy) as f:
        buggy = f.read()
    with open(args.fixed) as f:
        fixed = f.read()
    findings = cli_findings(args.sessionlint, source, args.flags)
    uri = 'file://' + source

    # No user configuration either: HOME and XDG_CONFIG_HOME point inside.
    os.environ['HOME'] = work
    os.environ['XDG_CONFIG_HOME'] = os.path.join(work, '.config')
    with open(os.path.join(work, 'clangd.log'), 'w') as log:
        client = Client([args.clangd, '--log=info', '--background-index=false'], work, log)
        client.request('initialize', {
            'processId': os.getpid(), 'rootUri': 'file://' + work,
            'capabilities': {'textDocument': {'publishDiagnostics': {
                'relatedInformation': True, 'versionSupport': True}}}})
        client.notify('initialized', {})
        client.notify('textDocument/didOpen', {'textDocument': {
            'uri': uri, 'languageId': 'cpp', 'version': 1, 'text': buggy}})
        check_against_cli(client.diagnostics(uri, 1), findings, uri)

        def change(version, text):
            client.notify('textDocument/didChange', {
                'textDocument': {'uri': uri, 'version': version},
                'contentChanges': [{'text': text}]})
            return client.diagnostics(uri, version)

        left = change(2, fixed)
        if left:
            sys.exit(f'lsp: the fixed buffer still has {json.dumps(left)}')
        print('lsp: the fixed buffer (unsaved) has no sessionlint diagnostic')

        lines = buggy.split('\n')
        line = findings[0]['line'] - 1
        lines[line] += '  // NOLINT(sessionlint-shared-across-tasks)'
        left = change(3, '\n'.join(lines))
        if left:
            sys.exit(f'lsp: NOLINT was not respected: {json.dumps(left)}')
        print('lsp: NOLINT on the line silences it')

        check_against_cli(change(4, buggy), findings, uri)
        client.request('shutdown', None)
        client.notify('exit', None)
        code = client.proc.wait(timeout=60)
    if code != 0:
        sys.exit(f'lsp: the server exited {code}')
    print('lsp: clean shutdown')


if __name__ == '__main__':
    main()
