#include <sqlite3.h>
#include <string>
#include <thread>
#include <vector>

static void scan(sqlite3 *db, int part) {
  std::string q = "SELECT * FROM t WHERE part=" + std::to_string(part);
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) {
    sqlite3 *h = nullptr;
    sqlite3_open("t.db", &h);
    ts.emplace_back(scan, h, i);
  }
  for (auto &t : ts) t.join();
}
