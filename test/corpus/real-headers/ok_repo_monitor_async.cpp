// A repository guarded by one mutex, used from std::async tasks and main.
#include <future>
#include <mutex>
#include <sqlite3.h>
#include <string>
#include <vector>

class UserRepository {
public:
  explicit UserRepository(const std::string &path) { sqlite3_open(path.c_str(), &db_); }
  ~UserRepository() { sqlite3_close(db_); }
  bool add(const std::string &name) {
    std::lock_guard<std::mutex> lock(mutex_);
    return exec("INSERT INTO users(name) VALUES('" + name + "')");
  }
  bool remove(const std::string &name) {
    std::lock_guard<std::mutex> lock(mutex_);
    return exec("DELETE FROM users WHERE name='" + name + "'");
  }
private:
  bool exec(const std::string &sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  std::mutex mutex_;
  sqlite3 *db_ = nullptr;
};

int main() {
  UserRepository repo("users.db");
  std::vector<std::future<bool>> results;
  for (const char *n : {"ann", "bob", "cid"})
    results.push_back(std::async(std::launch::async, [&repo, n] { return repo.add(n); }));
  repo.remove("zed");
  for (auto &r : results) r.get();
}
