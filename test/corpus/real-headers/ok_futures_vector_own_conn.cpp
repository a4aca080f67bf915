#include <future>
#include <sqlite3.h>
#include <string>
#include <vector>

static int insert(const std::string &path, int v) {
  sqlite3 *db = nullptr;
  sqlite3_open(path.c_str(), &db);
  std::string sql = "INSERT INTO t VALUES (" + std::to_string(v) + ")";
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc;
}

int main() {
  std::vector<std::future<int>> jobs;
  for (int i = 0; i < 8; ++i)
    jobs.push_back(std::async(std::launch::async, insert, std::string("x.db"), i));
  for (auto &j : jobs) j.get();
}
