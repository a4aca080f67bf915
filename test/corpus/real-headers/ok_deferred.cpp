#include <future>
#include <sqlite3.h>

static int count(sqlite3 *db) { return sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr); }

int main() {
  sqlite3 *db;
  sqlite3_open(":memory:", &db);
  auto later = std::async(std::launch::deferred, count, db);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  int r = later.get();
  sqlite3_close(db);
  return r;
}
