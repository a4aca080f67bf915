// RUN: %check_sessionlint %s -- %real_flags -I/usr/include/postgresql
// Real headers: libpq (libpq-dev) and SQLite (libsqlite3-dev). Their
// sessions are pointers to opaque structs: copying the pointer shares it.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <thread>

void libpq_handle_shared_bad(const char *conninfo) {
  PGconn *conn = PQconnectdb(conninfo);
  std::thread listener([conn] { PQclear(PQexec(conn, "listen jobs")); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: session 'conn' of type 'PGconn *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  PQclear(PQexec(conn, "insert into jobs values (1)"));
  listener.join();
  PQfinish(conn);
}

void libpq_connection_per_thread_ok(const char *conninfo) {
  std::thread listener([conninfo] {
    PGconn *own = PQconnectdb(conninfo);
    PQclear(PQexec(own, "listen jobs"));
    PQfinish(own);
  });
  PGconn *conn = PQconnectdb(conninfo);
  PQclear(PQexec(conn, "insert into jobs values (1)"));
  listener.join();
  PQfinish(conn);
}

void sqlite_statement_shared_bad(sqlite3 *db) {
  sqlite3_stmt *insert = nullptr;
  sqlite3_prepare_v2(db, "insert into log values (?)", -1, &insert, nullptr);
  std::thread writer([insert] { sqlite3_step(insert); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: session 'insert' of type 'sqlite3_stmt *' is shared with a task started by 'std::thread'
  sqlite3_reset(insert);
  writer.join();
}

void sqlite_joined_first_ok(sqlite3 *db) {
  std::thread vacuum([db] { sqlite3_exec(db, "vacuum", nullptr, nullptr, nullptr); });
  vacuum.join();
  sqlite3_exec(db, "analyze", nullptr, nullptr, nullptr);
}
