#include <sqlite3.h>
#include <tbb/parallel_for.h>
#include <string>

void scan_all(int parts) {
  tbb::parallel_for(0, parts, [](int i) {
    sqlite3 *db = nullptr;
    sqlite3_open("x.db", &db);
    std::string q = "SELECT * FROM t WHERE part=" + std::to_string(i);
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
  });
}
