#include <mutex>
#include <sqlite3.h>
#include <thread>

std::mutex g_db_mutex;

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  std::thread writer([db] { // BUG
    std::lock_guard<std::mutex> lk(g_db_mutex);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
  });
  sqlite3_exec(db, "SELECT * FROM t", nullptr, nullptr, nullptr);
  writer.join();
}
