#include <pqxx/pqxx>
#include <thread>
void c_bad() {
  pqxx::connection c;
  std::thread t([&] { pqxx::nontransaction tx(c); });
  pqxx::nontransaction tx(c);
  t.join();
}
