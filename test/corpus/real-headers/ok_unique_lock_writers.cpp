#include <pqxx/pqxx>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

class Catalog {
public:
  explicit Catalog(const char *dsn) : conn_(dsn) {}
  void update(int id) {
    std::unique_lock<std::shared_mutex> lk(mu_);
    pqxx::work w(conn_);
    w.exec("UPDATE t SET v = v + 1 WHERE id = " + std::to_string(id));
    w.commit();
  }
private:
  std::shared_mutex mu_;
  pqxx::connection conn_;
};

int main() {
  Catalog cat("dbname=app");
  std::thread a([&cat] { cat.update(1); });
  std::thread b([&cat] { cat.update(2); });
  a.join();
  b.join();
}
