#include <memory>
#include <pqxx/pqxx>
#include <thread>

int main() {
  auto conn = std::make_unique<pqxx::connection>("dbname=x");
  std::thread t([c = std::move(conn)] {
    pqxx::work w(*c);
    w.exec("VACUUM");
    w.commit();
  });
  t.join();
}
