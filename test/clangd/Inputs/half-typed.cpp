// Half-typed code as clangd sees it while the user types: the check must
// neither crash nor guess (SPEC: bail out quietly on errors).
#include <pqxx/pqxx>
#include <thread>
void typing() {
  pqxx::connection db;
  std::thread t([&db] { db.clo
  db.
  std::thread u([&] { undeclared(db); });
  auto f = std::async(std::launch::async, [&db] { db.close(); }
  t.join(
}
