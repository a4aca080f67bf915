#include <mutex>
#include <sqlite3.h>
#include <thread>

class ScopedLock {
public:
  explicit ScopedLock(std::mutex &m) : m_(m) { m_.lock(); }
  ~ScopedLock() { m_.unlock(); }
private:
  std::mutex &m_;
};

std::mutex g_mu;

void writer(sqlite3 *db) {
  ScopedLock l(g_mu);
  sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
}

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  std::thread t(writer, db);
  {
    ScopedLock l(g_mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(2)", nullptr, nullptr, nullptr);
  }
  t.join();
}
