#include <iostream>
#include <memory>
#include <pqxx/pqxx>
#include <thread>

void report(std::shared_ptr<pqxx::connection> conn) {
  pqxx::work w(*conn);
  auto r = w.exec("SELECT count(*) FROM orders");
  std::cout << r[0][0].c_str() << "\n";
}

int main() {
  auto conn = std::make_shared<pqxx::connection>("dbname=shop");
  std::thread reporter(report, conn); // BUG
  {
    pqxx::work w(*conn);
    w.exec("UPDATE orders SET seen = true");
    w.commit();
  }
  reporter.join();
}
