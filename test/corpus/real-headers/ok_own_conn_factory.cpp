#include <pqxx/pqxx>
#include <memory>
#include <string>
#include <thread>
#include <vector>

static std::unique_ptr<pqxx::connection> open_db(const std::string &dsn) {
  return std::make_unique<pqxx::connection>(dsn);
}

int main() {
  const std::string dsn = "dbname=etl";
  auto control = open_db(dsn);
  std::vector<std::thread> pool;
  for (int shard = 0; shard < 4; ++shard) {
    pool.emplace_back([&dsn, shard] {
      auto db = open_db(dsn);
      pqxx::work tx(*db);
      tx.exec("SELECT process_shard(" + std::to_string(shard) + ")");
      tx.commit();
    });
  }
  pqxx::work tx(*control);
  tx.exec("UPDATE runs SET started = now()");
  tx.commit();
  for (auto &t : pool) t.join();
}
