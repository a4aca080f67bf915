// Readers take a shared lock: they run at once, on one connection.
#include <pqxx/pqxx>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

class Catalog {
public:
  explicit Catalog(const char *dsn) : conn_(dsn) {}
  int lookup(int id) {
    std::shared_lock<std::shared_mutex> lk(mu_);
    pqxx::nontransaction n(conn_);
    return n.exec1("SELECT v FROM t WHERE id = " + std::to_string(id))[0].as<int>();
  }
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
  std::thread a([&cat] { cat.lookup(1); }); // BUG
  std::thread b([&cat] { cat.lookup(2); });
  a.join();
  b.join();
}
