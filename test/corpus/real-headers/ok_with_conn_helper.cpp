#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

class Db {
public:
  Db() : conn_("dbname=app") {}
  template <class F> auto with(F &&f) {
    std::lock_guard<std::mutex> lk(mu_);
    return f(conn_);
  }

private:
  std::mutex mu_;
  pqxx::connection conn_;
};

int main() {
  Db db;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&db, i] {
      db.with([i](pqxx::connection &c) {
        pqxx::work w(c);
        w.exec("INSERT INTO t VALUES (" + std::to_string(i) + ")");
        w.commit();
        return 0;
      });
    });
  db.with([](pqxx::connection &c) {
    pqxx::nontransaction n(c);
    n.exec("SELECT 1");
    return 0;
  });
  for (auto &t : ts) t.join();
}
