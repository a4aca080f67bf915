#include <mutex>
#include <shared_mutex>
#include <sqlite3.h>
#include <thread>
#include <vector>

struct Catalog {
  std::shared_mutex mu;
  sqlite3 *db = nullptr;
};

void add(Catalog &c, int v) {
  std::unique_lock<std::shared_mutex> lk(c.mu);
  std::string s = "INSERT INTO c VALUES(" + std::to_string(v) + ")";
  sqlite3_exec(c.db, s.c_str(), nullptr, nullptr, nullptr);
}

int main() {
  Catalog c;
  sqlite3_open("c.db", &c.db);
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; ++i) ts.emplace_back([&c, i] { add(c, i); });
  {
    std::unique_lock<std::shared_mutex> lk(c.mu);
    sqlite3_exec(c.db, "DELETE FROM c", nullptr, nullptr, nullptr);
  }
  for (auto &t : ts) t.join();
}
