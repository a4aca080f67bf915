// RUN: %check_sessionlint %s -- %real_flags
// Real headers: SOCI (libsoci-dev) with its connection pool, and SQLiteCpp
// (libsqlitecpp-dev).
#include <SQLiteCpp/SQLiteCpp.h>
#include <soci/soci.h>
#include <thread>

void soci_session_shared_bad() {
  soci::session sql("postgresql://dbname=app");
  std::thread audit([&sql] { sql << "insert into audit values (1)"; });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: session 'sql' of type 'soci::session' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  sql << "update users set seen = now()";
  audit.join();
}

void soci_pool_leases_ok(soci::connection_pool &pool) {
  std::thread audit([&pool] {
    soci::session sql(pool);
    sql << "insert into audit values (1)";
  });
  soci::session sql(pool);
  sql << "update users set seen = now()";
  audit.join();
}

void sqlitecpp_database_shared_bad() {
  SQLite::Database db("app.db", SQLite::OPEN_READWRITE);
  std::thread logger([&db] { db.exec("insert into log values ('start')"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'db' of type 'SQLite::Database' is shared with a task started by 'std::thread'
  SQLite::Statement rows(db, "select * from items");
  while (rows.executeStep()) {
  }
  logger.join();
}

void sqlitecpp_own_database_ok() {
  std::thread logger([] {
    SQLite::Database db("app.db", SQLite::OPEN_READWRITE);
    db.exec("insert into log values ('start')");
  });
  SQLite::Database db("app.db", SQLite::OPEN_READONLY);
  SQLite::Statement rows(db, "select * from items");
  rows.executeStep();
  logger.join();
}
