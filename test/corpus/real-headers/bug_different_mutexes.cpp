#include <mutex>
#include <sqlite3.h>
#include <thread>

std::mutex read_mu, write_mu;

void reader(sqlite3 *db) {
  std::lock_guard<std::mutex> g(read_mu);
  sqlite3_exec(db, "SELECT * FROM t", nullptr, nullptr, nullptr);
}

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  std::thread t(reader, db); // BUG
  {
    std::lock_guard<std::mutex> g(write_mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
  }
  t.join();
}
