#!/usr/bin/env python3
"""Proves that apt resolves sessionlint's whole package list in one transaction.

Two simulations (`apt-get install -s`, nothing is installed):

  fresh    as on a fresh Debian 12: an empty dpkg status file and Debian's own
           archives only, with the list `setup-debian.sh --fresh` prints;
  machine  on this machine as it is, with the list `setup-debian.sh --list`
           prints for it.

A conflict between two packages of the list (libc++-19-dev and libc++-22-dev
once) fails the first one on every machine, whatever is installed already.
The package indexes are the ones `apt-get update` last fetched here.

usage: resolve_packages.py SETUP_SCRIPT
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

LISTS = '/var/lib/apt/lists'
PACKAGES_FILE = re.compile(r'^(.*)_dists_([^_]+)_([^_]+)_binary-([^_]+)_Packages(\.\w+)?$')


def debian_origin(prefix):
    for name in (prefix + '_InRelease', prefix + '_Release'):
        path = os.path.join(LISTS, name)
        if os.path.exists(path):
            with open(path, encoding='utf-8', errors='replace') as f:
                for line in f:
                    if line.startswith('Origin:'):
                        return line.split(':', 1)[1].strip() == 'Debian'
    return False


def fresh_apt_root(tmp):
    """apt options for a machine with nothing installed and Debian's archives."""
    lists = os.path.join(tmp, 'lists')
    os.makedirs(os.path.join(lists, 'partial'))
    parts = os.path.join(tmp, 'sources.list.d')
    os.makedirs(parts)
    sources = set()
    for path in glob.glob(os.path.join(LISTS, '*_Packages*')):
        m = PACKAGES_FILE.match(os.path.basename(path))
        if not m:
            continue
        site, suite, component, _, _ = m.groups()
        release = site + '_dists_' + suite
        if not debian_origin(os.path.join(LISTS, release)):
            continue
        for name in glob.glob(os.path.join(LISTS, release + '_*')):
            target = os.path.join(lists, os.path.basename(name))
            if not os.path.exists(target):
                os.symlink(name, target)
        sources.add('deb http://%s %s %s' % (site.replace('_', '/'), suite, component))
    if not sources:
        sys.exit('resolve_packages.py: no Debian package index in %s; run '
                 'apt-get update first' % LISTS)
    status = os.path.join(tmp, 'status')
    open(status, 'w').close()
    sources_list = os.path.join(tmp, 'sources.list')
    with open(sources_list, 'w') as f:
        f.write('\n'.join(sorted(sources)) + '\n')
    return ['-o', 'Dir::State::status=' + status,
            '-o', 'Dir::State::Lists=' + lists,
            '-o', 'Dir::Etc::SourceList=' + sources_list,
            '-o', 'Dir::Etc::SourceParts=' + parts,
            '-o', 'Dir::Cache=' + os.path.join(tmp, 'cache')]


def simulate(name, packages, options):
    cmd = ['apt-get', '-s', '-q', '-o', 'Debug::NoLocking=1', *options,
           'install', '--no-install-recommends', *packages]
    run = subprocess.run(cmd, capture_output=True, text=True,
                         env=dict(os.environ, LC_ALL='C'))
    installs = sum(line.startswith('Inst ') for line in run.stdout.splitlines())
    if run.returncode != 0:
        sys.stderr.write(run.stdout[-3000:] + run.stderr)
        print('%s: apt cannot install the %d packages together' % (name, len(packages)))
        return False
    print('%s: %d packages resolve together (%d to install)' %
          (name, len(packages), installs))
    return True


def main():
    setup = sys.argv[1]
    listed = lambda flag: subprocess.run(['bash', setup, flag], check=True,
                                         capture_output=True, text=True).stdout.split()
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'cache', 'archives', 'partial'))
        ok = simulate('fresh', listed('--fresh'), fresh_apt_root(tmp))
    ok = simulate('machine', listed('--list'), []) and ok
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
