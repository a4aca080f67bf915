#include <mutex>
#include <sqlite3.h>
#include <thread>

std::mutex g_mu;

void writer(sqlite3 *db) {
  std::unique_lock<std::mutex> lk(g_mu);
  sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
  lk.unlock();
}

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  std::thread t(writer, db);
  {
    std::scoped_lock lk(g_mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(2)", nullptr, nullptr, nullptr);
  }
  t.join();
  sqlite3_close(db);
}
