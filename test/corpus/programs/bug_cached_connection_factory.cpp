// Connection factory with a process-wide cache: two import threads ask for
// the same database and get the same connection.
#include <memory>
#include <pqxx/pqxx>
#include <thread>

std::shared_ptr<pqxx::connection> connect_cached() {
  static std::shared_ptr<pqxx::connection> cached;
  if (cached.get() == nullptr)
    cached = std::make_shared<pqxx::connection>();
  return cached;
}

void import_both() {
  std::thread users([] {
    pqxx::work tx(*connect_cached()); // BUG
    tx.exec("copy users from stdin");
  });
  std::thread orders([] {
    pqxx::work tx(*connect_cached());
    tx.exec("copy orders from stdin");
  });
  users.join();
  orders.join();
}
