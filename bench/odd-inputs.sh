#!/bin/bash
# Large and odd inputs (issue 13.5): each through the CLI, with wall time,
# peak memory, findings and exit code, next to `clang++ -fsyntax-only` on the
# same file. Nothing is asserted on time: the table is the report. A crash
# (exit code above 3) or an analysis that did not finish is printed as such
# and makes the script exit 1.
#
#   a 50,000-line file (7,400 functions of gen_large_tu.py, 500 spawns)
#   10,000 spawn sites in one file
#   200 nested lambdas, each starting a thread with the session
#   a macro nested 100 deep around a spawn, and 2,000 spawns from one macro
#   one translation unit including every catalog library's real headers
#
# usage: bench/odd-inputs.sh [build-dir]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mock=(-std=c++20 -nostdinc++ -isystem "$root/test/Inputs")
real=(-std=c++20 -fopenmp -DQT_NO_KEYWORDS -DBOOST_ASIO_HAS_CO_AWAIT=1 -include utility
      -Wno-error=enum-constexpr-conversion -I/usr/include/postgresql -fPIC
      -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore
      -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtConcurrent)

python3 "$root/bench/gen_large_tu.py" --functions 7400 --spawns 500 > "$work/lines50k.cpp"
python3 "$root/bench/gen_large_tu.py" --functions 10000 --spawns 10000 > "$work/spawns10k.cpp"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
head = '#include <pqxx/pqxx>\n#include <thread>\n'
depth = 200
body = 'db.close();'
for i in range(depth):
    body = f'std::thread t{i}([&] {{ {body} }}); t{i}.join();'
with open(f'{work}/nested-lambdas.cpp', 'w') as f:
    f.write(head + f'void nested_ok(pqxx::connection &db) {{ {body} }}\n')
macros = ['#define WRAP0(x) x']
for i in range(1, 101):
    macros.append(f'#define WRAP{i}(x) WRAP{i - 1}(x)')
spawns = '\n'.join(f'void m{i}(pqxx::connection &db) {{ RACE(db); }}' for i in range(2000))
with open(f'{work}/macros.cpp', 'w') as f:
    f.write(head + '\n'.join(macros) + '\n'
            '#define RACE(db) WRAP100(std::thread t([&] { db.close(); }); db.close(); t.join();)\n'
            + spawns + '\n')
PY
cat > "$work/every-library.cpp" <<'CPP'
#include <QtConcurrent/QtConcurrent>
#include <QtCore/QThread>
#include <QtCore/QThreadPool>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <Poco/Activity.h>
#include <Poco/Data/Session.h>
#include <Poco/Thread.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/thread/thread.hpp>
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <curl/curl.h>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <libssh/libssh.h>
#include <libssh2.h>
#include <libssh2_sftp.h>
#include <openssl/ssl.h>
#include <pqxx/pqxx>
#include <soci/soci.h>
#include <sqlite3.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>
#include <execution>
#include <future>
#include <thread>
void every_library_bad(pqxx::connection &db, sqlite3 *lite, PGconn *pg, CURL *curl) {
  std::thread t([&] { pqxx::nontransaction(db).exec("select 1"); sqlite3_exec(lite, "", nullptr, nullptr, nullptr); PQexec(pg, ""); curl_easy_perform(curl); });
  pqxx::nontransaction(db).exec("select 2");
  t.join();
}
CPP

status=0
printf '%-16s %8s %9s %9s %9s %9s %9s %5s\n' input lines 'clang s' 'clang MB' 'slint s' 'slint MB' findings exit
run() {
  local name=$1; shift
  local file="$work/$name.cpp"
  /usr/bin/time -f '%e %M' -o "$work/ct" /usr/lib/llvm-19/bin/clang++ -fsyntax-only "$@" "$file" > /dev/null 2>&1
  /usr/bin/time -f '%e %M' -o "$work/st" "$build/tool/sessionlint" --quiet "$file" -- "$@" > "$work/out" 2>&1
  local rc
  rc=$(sed -n 's/^Command exited with non-zero status //p' "$work/st")
  rc=${rc:-0}
  read -r ct cm < <(tail -1 "$work/ct")
  read -r st sm < <(tail -1 "$work/st")
  printf '%-16s %8d %9.2f %9.0f %9.2f %9.0f %9d %5s\n' "$name" "$(wc -l < "$file")" "$ct" \
    "$((cm / 1024))" "$st" "$((sm / 1024))" "$(grep -c 'warning:.*\[sessionlint-' "$work/out")" "$rc"
  if [ "$rc" -gt 1 ]; then
    status=1
    grep -m3 -E 'error|crash' "$work/out" | sed 's/^/    /'
  fi
}
run lines50k "${mock[@]}"
run spawns10k "${mock[@]}"
run nested-lambdas "${mock[@]}"
run macros "${mock[@]}"
run every-library "${real[@]}"
exit $status
