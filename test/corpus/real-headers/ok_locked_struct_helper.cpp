#include <sqlite3.h>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Journal {
  std::mutex lock;
  sqlite3 *db = nullptr;
};

static void append(Journal &j, const std::string &line) {
  std::scoped_lock guard(j.lock);
  std::string sql = "INSERT INTO journal VALUES ('" + line + "')";
  sqlite3_exec(j.db, sql.c_str(), nullptr, nullptr, nullptr);
}

int main() {
  Journal j;
  sqlite3_open("journal.db", &j.db);
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&j, i] { append(j, "worker " + std::to_string(i)); });
  append(j, "main");
  for (auto &t : ts) t.join();
  sqlite3_close(j.db);
}
