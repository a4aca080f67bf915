#include <sqlite3.h>
#include <thread>

#define RUN_IN_BACKGROUND(fn) std::thread(fn).detach()

void schedule_vacuum(sqlite3 *db) {
  RUN_IN_BACKGROUND([db] { sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); }); // BUG
}

int main() {
  sqlite3 *db = nullptr;
  sqlite3_open("cache.db", &db);
  schedule_vacuum(db); // BUG
  sqlite3_exec(db, "INSERT INTO log VALUES (1)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}
