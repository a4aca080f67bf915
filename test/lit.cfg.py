# -*- Python -*-
import os
import lit.formats

config.name = 'sessionlint'
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = ['.cpp', '.test']
config.excludes = ['Inputs', 'corpus', 'check_sessionlint.py', 'lit.cfg.py',
                   'CMakeLists.txt', 'README.md', 'validate_json.py',
                   'resolve_packages.py', 'gen_deep.py']
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.sessionlint_build_dir, 'test')

inputs = os.path.join(config.test_source_root, 'Inputs')
# Under sanitizers (SESSIONLINT_SANITIZE) every report ends the process with
# an error, so a test that meets one fails. Debian's clang-tidy, the plugin's
# host, is not instrumented: it runs with the AddressSanitizer runtime
# preloaded (a wrapper first on PATH), so the plugin is tested there too.
clang_tidy_args = []
if config.sanitize:
    import stat, subprocess
    config.available_features.add('sanitizers')
    # A null dereference stays a signal, as in a release build, so the
    # worker that meets one is reported as crashed (crash-isolation.test).
    # No user poisoning: LLVM's BumpPtrAllocator poisons a new slab only
    # when compiled with ASan and unpoisons each allocation the same way.
    # Its inline members are compiled both into our instrumented objects
    # and into Debian's plain clangd archives, and the linker keeps one
    # copy of each: an instrumented StartNewSlab beside a plain Allocate
    # leaves clangd's own index memory poisoned (a use-after-poison report
    # in FileSymbols::buildIndex that is not a bug of either).
    config.environment['ASAN_OPTIONS'] = ('detect_leaks=0:halt_on_error=1:handle_segv=0:'
                                          'allow_user_poisoning=0')
    config.environment['UBSAN_OPTIONS'] = 'print_stacktrace=1:halt_on_error=1'
    runtime = subprocess.run(
        [os.path.join(config.llvm_tools_dir, 'clang'), '-print-file-name=libclang_rt.asan-x86_64.so'],
        capture_output=True, text=True).stdout.strip()
    wrappers = os.path.join(config.test_exec_root, 'sanitizer-bin')
    os.makedirs(wrappers, exist_ok=True)

    def preloading(name, real):
        path = os.path.join(wrappers, name)
        with open(path, 'w') as f:
            f.write(f'#!/bin/sh\nLD_PRELOAD={runtime} exec {real} "$@"\n')
        os.chmod(path, 0o755)
        return path

    clang_tidy = preloading('clang-tidy', os.path.join(config.llvm_tools_dir, 'clang-tidy'))
    clang_tidy_args = ['--clang-tidy', clang_tidy]
if config.fuzzers:
    config.available_features.add('fuzzers')
    config.substitutions.append(('%fuzz_bindir', config.fuzz_bindir))
    config.substitutions.append(('%fuzz_dir', os.path.join(config.test_source_root, '..', 'fuzz')))
check = ' '.join([
    config.python_executable,
    os.path.join(config.test_source_root, 'check_sessionlint.py'),
    '--bindir', config.sessionlint_bin_dir,
    '--llvm-bindir', config.llvm_tools_dir,
    '--frontends', config.frontends,
] + clang_tidy_args)
# Test files compile against the mock headers only.
mock_flags = '-std=c++20 -nostdinc++ -isystem ' + inputs
config.substitutions.append(('%check_sessionlint', check))
config.substitutions.append(('%mock_flags', mock_flags))
# Integration tests compile against the real headers Debian installs
# (scripts/setup-debian.sh). Boost 1.74 needs the coroutine switch under
# clang and misses an include in awaitable.hpp (see README).
config.substitutions.append(('%real_flags',
                             '-std=c++20 -fopenmp -DBOOST_ASIO_HAS_CO_AWAIT=1 '
                             '-include utility'))
# libc++: the headers of libc++-19-dev for every tier. Debian's libc++ 22
# conflicts with libc++ 19 (docs/design/setup.md), and what the test checks,
# libc++'s names in std::__1, does not depend on the analyser's version.
config.substitutions.append(('%libcxx_flags',
                             '-stdlib=libc++ -nostdinc++ -isystem '
                             '/usr/lib/llvm-19/include/c++/v1 '
                             '-fexperimental-library'))
config.substitutions.append(('%sessionlint',
                             os.path.join(config.sessionlint_bin_dir, 'sessionlint')))
config.substitutions.append(('%plugin',
                             os.path.join(config.sessionlint_bin_dir, 'SessionLint.so')))
config.substitutions.append(('%inputs', inputs))
config.substitutions.append(('%python', config.python_executable))
if 'clangd' in config.frontends.split(','):
    config.available_features.add('clangd-bundle')
    config.substitutions.append(('%clangd_bundle',
                                 os.path.join(config.sessionlint_bin_dir, 'sessionlint-clangd')))
config.environment['PATH'] = os.pathsep.join(
    ([wrappers] if config.sanitize else []) +
    [config.llvm_tools_dir, config.environment.get('PATH', '')])

# Another clang-tidy version, to show the plugin refuses to load into it.
import glob
for other in sorted(glob.glob('/usr/bin/clang-tidy-[0-9]*')):
    if not other.endswith('-' + config.llvm_major):
        config.available_features.add('other-clang-tidy')
        if config.sanitize:
            other = preloading('other-clang-tidy', other)
        config.substitutions.append(('%other_clang_tidy', other))
        break

# The official SARIF validator (npm @microsoft/sarif-multitool), installed by
# scripts/test.sh under the build directory.
multitool = os.path.join(config.sessionlint_build_dir, 'tools', 'node_modules',
                         '.bin', 'sarif-multitool')
if os.path.exists(multitool):
    config.available_features.add('sarif-multitool')
    config.substitutions.append(('%sarif_multitool', multitool))
config.substitutions.append(('%docs', os.path.join(config.test_source_root, '..', 'docs')))

import shutil
if shutil.which('apt-get') and shutil.which('dpkg-query'):
    config.available_features.add('apt')
if shutil.which('cpack') and shutil.which('dpkg-deb') and shutil.which('dpkg-shlibdeps'):
    config.available_features.add('deb')
config.substitutions.append(('%build_dir', config.sessionlint_build_dir))
if shutil.which('script'):
    config.available_features.add('script')
if shutil.which('pre-commit') and shutil.which('git'):
    config.available_features.add('pre-commit')
config.substitutions.append(('%source_root', os.path.join(config.test_source_root, '..')))
config.substitutions.append(('%bindir', config.sessionlint_bin_dir))
config.substitutions.append(('%catalog_tool', os.path.join(
    config.sessionlint_build_dir, 'checks', 'sessionlint-catalog')))
config.substitutions.append(('%variants_tool', os.path.join(
    config.sessionlint_build_dir, 'checks', 'sessionlint-variants')))
config.substitutions.append(('%summaries_tool', os.path.join(
    config.sessionlint_build_dir, 'checks', 'sessionlint-summaries')))
