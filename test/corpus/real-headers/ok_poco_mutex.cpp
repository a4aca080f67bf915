#include <Poco/Mutex.h>
#include <sqlite3.h>
#include <thread>

Poco::FastMutex mu;

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  std::thread t([db] {
    Poco::FastMutex::ScopedLock l(mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", 0, 0, 0);
  });
  {
    Poco::FastMutex::ScopedLock l(mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(2)", 0, 0, 0);
  }
  t.join();
}
