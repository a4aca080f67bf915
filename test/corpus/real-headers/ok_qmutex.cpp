#include <QtCore/QMutex>
#include <QtCore/QMutexLocker>
#include <thread>
#include <sqlite3.h>

QMutex mu;

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  std::thread t([db] {
    QMutexLocker l(&mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", 0, 0, 0);
  });
  {
    QMutexLocker l(&mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(2)", 0, 0, 0);
  }
  t.join();
}
