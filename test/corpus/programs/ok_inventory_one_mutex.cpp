// Inventory, fixed: restocking and sales hold the same mutex.
#include <mutex>
#include <pqxx/pqxx>
#include <thread>

class Inventory {
public:
  void restock_async() {
    restocker_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(db_mu_);
      pqxx::work tx(db_);
      tx.exec("update stock set n = n + 10");
      tx.commit();
    });
  }

  void sell() {
    std::lock_guard<std::mutex> lock(db_mu_);
    pqxx::work tx(db_);
    tx.exec("update stock set n = n - 1");
    tx.commit();
  }

  ~Inventory() { restocker_.join(); }

private:
  std::mutex db_mu_;
  pqxx::connection db_;
  std::thread restocker_;
};
