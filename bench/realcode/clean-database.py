#!/usr/bin/env python3
"""Rewrites a compile_commands.json in place for clang: drops the gcc-only
flags clang rejects and C files (sessionlint checks C++), and adds
-Wno-enum-constexpr-conversion, without which clang 16+ rejects Boost
1.74's MPL headers (Debian 12's Boost) that g++ accepts. Both sides of the
benchmark use the cleaned database, so their flags stay identical. Atomic."""
import json
import os
import shlex
import sys

GCC_ONLY = ('-fno-var-tracking-assignments', '-fconserve-stack', '-fno-ipa-',
            '-fstack-clash-protection', '-fcf-protection', '-flto=auto', '-ffat-lto-objects',
            '-fno-semantic-interposition', '-Wno-maybe-uninitialized', '-Wformat-overflow',
            '-Wformat-truncation', '-Wstringop-', '-Wimplicit-fallthrough=', '-mtune=',
            '-fno-tree-', '-fvar-tracking')
CXX_SUFFIXES = ('.cc', '.cpp', '.cxx', '.c++', '.C')


def keep(flag):
    return not any(flag.startswith(p) for p in GCC_ONLY)


def main(path):
    with open(path) as f:
        entries = json.load(f)
    out = []
    for e in entries:
        if not e['file'].endswith(CXX_SUFFIXES):
            continue
        args = e.get('arguments') or shlex.split(e['command'])
        e.pop('command', None)
        e['arguments'] = [a for a in args if keep(a)]
        if '-Wno-enum-constexpr-conversion' not in e['arguments']:
            e['arguments'].insert(1, '-Wno-enum-constexpr-conversion')
        out.append(e)
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(out, f, indent=1)
    os.replace(tmp, path)


if __name__ == '__main__':
    main(sys.argv[1])
