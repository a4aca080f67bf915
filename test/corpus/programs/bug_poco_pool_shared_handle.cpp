// Poco thread pool: two sync jobs handed the same handle run at once.
#include <Poco/ThreadPool.h>
#include <sqlite3.h>

struct SyncJob : Poco::Runnable {
  SyncJob(sqlite3 *db, const char *table) : db(db), table(table) {}
  void run() override { sqlite3_exec(db, table, nullptr, nullptr, nullptr); }
  sqlite3 *db;
  const char *table;
};

void sync_all(sqlite3 *db) {
  SyncJob users(db, "users"), orders(db, "orders");
  Poco::ThreadPool pool;
  pool.start(users); // BUG
  pool.start(orders);
  pool.joinAll();
}
