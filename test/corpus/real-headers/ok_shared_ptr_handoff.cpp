#include <memory>
#include <pqxx/pqxx>
#include <thread>

void start_background_vacuum() {
  auto conn = std::make_shared<pqxx::connection>("dbname=x");
  std::thread([conn] {
    pqxx::nontransaction n(*conn);
    n.exec("VACUUM");
  }).detach();
}

int main() { start_background_vacuum(); }
