// Poco thread pool, fixed: each job opens its own handle.
#include <Poco/ThreadPool.h>
#include <sqlite3.h>

struct SyncJob : Poco::Runnable {
  explicit SyncJob(const char *table) : table(table) {}
  void run() override {
    sqlite3 *db = nullptr;
    sqlite3_open("app.db", &db);
    sqlite3_exec(db, table, nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const char *table;
};

void sync_all() {
  SyncJob users("users"), orders("orders");
  Poco::ThreadPool pool;
  pool.start(users);
  pool.start(orders);
  pool.joinAll();
}
