#include <future>
#include <sqlite3.h>
#include <vector>

static int insert(sqlite3 *db, int v) {
  std::string sql = "INSERT INTO t VALUES (" + std::to_string(v) + ")";
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

int main() {
  sqlite3 *db = nullptr;
  sqlite3_open("x.db", &db);
  std::vector<std::future<int>> jobs;
  for (int i = 0; i < 8; ++i)
    jobs.push_back(std::async(std::launch::async, insert, db, i)); // BUG
  for (auto &j : jobs) j.get();
  sqlite3_close(db);
}
