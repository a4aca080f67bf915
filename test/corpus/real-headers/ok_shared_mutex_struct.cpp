#include <mutex>
#include <sqlite3.h>
#include <thread>
#include <vector>

struct Shared {
  std::mutex lock;
  sqlite3 *db;
};

static void insert(Shared &s, int v) {
  std::lock_guard<std::mutex> g(s.lock);
  std::string sql = "INSERT INTO t VALUES(" + std::to_string(v) + ")";
  sqlite3_exec(s.db, sql.c_str(), nullptr, nullptr, nullptr);
}

int main() {
  Shared s;
  sqlite3_open("t.db", &s.db);
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) ts.emplace_back(insert, std::ref(s), i);
  insert(s, -1);
  for (auto &t : ts) t.join();
  sqlite3_close(s.db);
}
