// CSV importer: customers and orders are loaded by two threads that share
// one SQLite handle.
#include <sqlite3.h>
#include <thread>

void load_customers(sqlite3 *db) { sqlite3_exec(db, "insert into customers values (1)", nullptr, nullptr, nullptr); }
void load_orders(sqlite3 *db) { sqlite3_exec(db, "insert into orders values (1)", nullptr, nullptr, nullptr); }

int import_all(const char *path) {
  sqlite3 *db = nullptr;
  if (sqlite3_open(path, &db) != 0)
    return 1;
  std::thread customers(load_customers, db); // BUG
  std::thread orders(load_orders, db);
  customers.join();
  orders.join();
  sqlite3_close(db);
  return 0;
}
