#include <sqlite3.h>
#include <thread>

void compact(sqlite3 *db, bool background) {
  std::thread worker;
  if (background) {
    worker = std::thread([db] { sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); });
  } else {
    sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr);
  }
  if (worker.joinable()) worker.join();
  sqlite3_exec(db, "ANALYZE", nullptr, nullptr, nullptr);
}

int main() {
  sqlite3 *db = nullptr;
  sqlite3_open("a.db", &db);
  compact(db, true);
  sqlite3_close(db);
}
