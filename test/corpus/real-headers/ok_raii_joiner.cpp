#include <sqlite3.h>
#include <thread>

class ScopedThread {
public:
  explicit ScopedThread(std::thread t) : t_(std::move(t)) {}
  ~ScopedThread() { if (t_.joinable()) t_.join(); }
private:
  std::thread t_;
};

static void checkpoint(sqlite3 *db) { sqlite3_wal_checkpoint(db, nullptr); }

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  {
    ScopedThread st(std::thread(checkpoint, db));
  }
  sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}
