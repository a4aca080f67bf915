#include <pqxx/pqxx>
#include <thread>
#include <vector>
#include <functional>

static void import_chunk(pqxx::connection &c, int chunk) {
  pqxx::work tx(c);
  tx.exec("INSERT INTO staging SELECT * FROM raw WHERE chunk = " + std::to_string(chunk));
  tx.commit();
}

int main() {
  pqxx::connection conn("dbname=etl");
  std::vector<std::thread> workers;
  for (int i = 0; i < 8; ++i)
    workers.emplace_back(import_chunk, std::ref(conn), i); // BUG
  for (auto &w : workers) w.join();
}
