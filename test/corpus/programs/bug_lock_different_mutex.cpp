// Inventory: the restock thread and the sales path both lock, but each its
// own mutex.
#include <mutex>
#include <pqxx/pqxx>
#include <thread>

class Inventory {
public:
  void restock_async() {
    restocker_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(restock_mu_);
      pqxx::work tx(db_); // BUG
      tx.exec("update stock set n = n + 10");
      tx.commit();
    });
  }

  void sell() {
    std::lock_guard<std::mutex> lock(sales_mu_);
    pqxx::work tx(db_);
    tx.exec("update stock set n = n - 1");
    tx.commit();
  }

  ~Inventory() { restocker_.join(); }

private:
  std::mutex restock_mu_, sales_mu_;
  pqxx::connection db_;
  std::thread restocker_;
};
