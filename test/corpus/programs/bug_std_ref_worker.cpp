// Order processor: the worker function receives the connection through
// std::ref and runs while the processor records the batch.
#include <functional>
#include <pqxx/pqxx>
#include <thread>

void process_orders(pqxx::connection &db, int batch) {
  pqxx::work tx(db);
  tx.exec("update orders set processed = true");
  tx.commit();
}

void run_batch(int batch) {
  pqxx::connection db("dbname=orders");
  std::thread worker(process_orders, std::ref(db), batch); // BUG
  pqxx::work tx(db);
  tx.exec("insert into batches values (1)");
  tx.commit();
  worker.join();
}
