#include <sqlite3.h>
#include <mutex>
#include <thread>

std::mutex stats_mu, db_mu;
int writes = 0;

void record(sqlite3 *db, const char *sql) {
  std::lock(stats_mu, db_mu);
  std::lock_guard<std::mutex> a(stats_mu, std::adopt_lock);
  std::lock_guard<std::mutex> b(db_mu, std::adopt_lock);
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  ++writes;
}

int main() {
  sqlite3 *db = nullptr;
  sqlite3_open("events.db", &db);
  std::thread t([db] { record(db, "INSERT INTO ev VALUES ('bg')"); });
  record(db, "INSERT INTO ev VALUES ('fg')");
  t.join();
  sqlite3_close(db);
}
