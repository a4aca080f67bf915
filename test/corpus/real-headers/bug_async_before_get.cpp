#include <future>
#include <sqlite3.h>

static int vacuum(sqlite3 *db) { return sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); }

int maintain(sqlite3 *db) {
  auto done = std::async(std::launch::async, vacuum, db); // BUG
  sqlite3_exec(db, "DELETE FROM sessions WHERE expired", nullptr, nullptr, nullptr);
  return done.get();
}
