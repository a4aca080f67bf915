#!/usr/bin/env python3
"""Writes a C++ file whose one function starts a task and holds a very deep
expression or statement tree, then uses the session the task shares: the
finding must be reported (the analysis ran) and nothing may crash.

usage: gen_deep.py KIND N OUT
  shift    a chain of N `<<` operands (a left-deep tree N levels deep)
  plus     a chain of N `+` operands
  elseif   an else-if chain N deep
  ternary  nested conditional operators, N deep
  lambda   N nested lambdas, each calling the next (needs -fbracket-depth)
  decls    one declaration of N pointers to the session (a DeclStmt whose
           declarators live on the heap: a dangling copy of them crashed)
"""
import sys

HEADER = '''#include <pqxx/pqxx>
#include <thread>
struct Sink { Sink &operator<<(int) { return *this; } };
'''


def body(kind, n):
    if kind == 'shift':
        return '  Sink s;\n  s << ' + ' << '.join(['1'] * n) + ';\n'
    if kind == 'plus':
        return '  int x = 1;\n  int y = ' + ' + '.join(['x'] * n) + ';\n  (void)y;\n'
    if kind == 'elseif':
        lines = ['  int k = 0;', '  if (k == 0) { ++k; }']
        lines += ['  else if (k == %d) { ++k; }' % i for i in range(1, n)]
        return '\n'.join(lines) + '\n'
    if kind == 'ternary':
        return '  int k = 3;\n  int v = ' + ''.join('k == %d ? %d : ' % (i, i) for i in range(n)) + '0;\n  (void)v;\n'
    if kind == 'lambda':
        return '  auto f = ' + '[&] { return ' * n + '0' + '; }()' * (n - 1) + '; };\n  (void)f;\n'
    raise SystemExit('unknown kind ' + kind)


def decls(n):
    """A helper the task calls declares N pointers to the session at once."""
    return (HEADER + 'void helper(pqxx::connection &db) {\n  pqxx::connection ' +
            ', '.join('*p%d = &db' % i for i in range(n)) + ';\n' +
            ''.join('  p%d->close();\n' % i for i in range(0, n, max(1, n // 6))) + '}\n' +
            'void deep_decls(pqxx::connection &db) {\n'
            '  std::thread t([&db] { helper(db); });\n  db.close();\n  t.join();\n}\n')


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if kind == 'decls':
        with open(out, 'w') as f:
            f.write(decls(n))
        return
    with open(out, 'w') as f:
        f.write(HEADER)
        f.write('void deep_%s(pqxx::connection &db) {\n' % kind)
        f.write('  std::thread t([&db] { db.close(); });\n')
        f.write(body(kind, n))
        f.write('  db.close();\n  t.join();\n}\n')


if __name__ == '__main__':
    main()
