// Batch runner: the workers are joined by a helper before the summary is
// written.
#include <pqxx/pqxx>
#include <thread>
#include <vector>

void join_all(std::vector<std::thread> &threads) {
  for (auto &t : threads)
    t.join();
}

void run_batch(pqxx::connection &db, int parts) {
  std::vector<std::thread> workers;
  for (int i = 0; i < parts; ++i)
    workers.emplace_back([i] {
      pqxx::connection own("dbname=batch");
      pqxx::work tx(own);
      tx.commit();
    });
  join_all(workers);
  pqxx::work tx(db);
  tx.exec("insert into summaries values (1)");
  tx.commit();
}
