#include <pqxx/pqxx>
#include <thread>

void joined_ok() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  t.join();
  db.close();
}
