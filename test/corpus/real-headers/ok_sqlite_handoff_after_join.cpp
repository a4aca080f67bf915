#include <sqlite3.h>
#include <thread>

struct Importer {
  sqlite3 *db;
  void load() { sqlite3_exec(db, "INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr); }
};

int main() {
  sqlite3 *db = nullptr;
  sqlite3_open("a.db", &db);
  Importer imp{db};
  std::thread t(&Importer::load, &imp);
  t.join();
  sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}
