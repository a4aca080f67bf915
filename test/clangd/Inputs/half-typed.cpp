// Half-typed code as clangd sees it while the user types: the check must
// neither crash nor guess (SPEC: bail out quietly on errors).
#include <pqxx/pqxx>
#include <mutex>
#include <thread>
void typing() {
  pqxx::connection db;
  std::thread t([&db] { db.clo
  db.
  std::thread u([&] { undeclared(db); });
  auto f = std::async(std::launch::async, [&db] { db.close(); }
  t.join(
}

// A helper and its caller, both mid-edit: no summary from broken code.
void start_progress(pqxx::connection &c) {
  std::thread([&c] { c.close(); }).detach(
}
void caller() {
  pqxx::connection db;
  start_progress(db
  db.close();
}

// Locks and parallel constructs with holes in them.
void locked(std::mutex &m) {
  pqxx::connection db;
  std::thread t([&] { std::lock_guard<std::mutex> g(m; db.close(); });
  std::lock_guard<std::mutex> g(
  db.close();
#pragma omp parallel for
  for (int i = 0; i < ; ++i)
    db.close();
  t.join();
}
