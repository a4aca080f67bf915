#include <sqlite3.h>
#include <mutex>
#include <thread>

std::mutex db_mu;

void store(sqlite3 *db, const char *sql) {
  std::unique_lock<std::mutex> lk(db_mu);
  static int calls = 0;
  ++calls;
  lk.unlock();
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

int main() {
  sqlite3 *db = nullptr;
  sqlite3_open("events.db", &db);
  std::thread t([db] { store(db, "INSERT INTO ev VALUES ('bg')"); }); // BUG
  store(db, "INSERT INTO ev VALUES ('fg')");
  t.join();
  sqlite3_close(db);
}
