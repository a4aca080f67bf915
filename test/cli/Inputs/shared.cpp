#include <pqxx/pqxx>
#include <thread>

void shared_bad() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  db.close();
  t.join();
}
