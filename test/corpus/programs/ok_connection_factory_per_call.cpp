// Connection factory that opens a new connection per call: each import
// thread has its own.
#include <memory>
#include <pqxx/pqxx>
#include <thread>

std::shared_ptr<pqxx::connection> connect_fresh() {
  return std::make_shared<pqxx::connection>();
}

void import_both() {
  std::thread users([] {
    pqxx::work tx(*connect_fresh());
    tx.exec("copy users from stdin");
  });
  std::thread orders([] {
    pqxx::work tx(*connect_fresh());
    tx.exec("copy orders from stdin");
  });
  users.join();
  orders.join();
}
