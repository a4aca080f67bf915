#include <pqxx/pqxx>
#include <future>
#include <iostream>

class Inventory {
public:
  explicit Inventory(const std::string &dsn) : conn_(dsn) {}
  int refresh_prices() {
    pqxx::work tx(conn_);
    auto r = tx.exec("UPDATE prices SET stale=false");
    tx.commit();
    return static_cast<int>(r.affected_rows());
  }
  long count_items() {
    pqxx::nontransaction tx(conn_);
    return tx.exec1("SELECT count(*) FROM items")[0].as<long>();
  }
private:
  pqxx::connection conn_;
};

int main() {
  Inventory inv("dbname=shop");
  auto pending = std::async(std::launch::async, &Inventory::refresh_prices, &inv); // BUG
  std::cout << "items: " << inv.count_items() << "\n";
  std::cout << "refreshed: " << pending.get() << "\n";
}
