#include <mutex>
#include <sqlite3.h>
#include <thread>

std::mutex a, b;

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  std::thread t([db] {
    std::unique_lock<std::mutex> la(a, std::defer_lock), lb(b, std::defer_lock);
    std::lock(la, lb);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", 0, 0, 0);
  });
  {
    std::scoped_lock both(a, b);
    sqlite3_exec(db, "INSERT INTO t VALUES(2)", 0, 0, 0);
  }
  t.join();
}
