// Batch scorer: OpenMP scores rows in parallel and writes each score back
// through the shared connection.
#include <pqxx/pqxx>

void score_batch(int rows) {
  pqxx::connection db("dbname=scores");
#pragma omp parallel for
  for (int i = 0; i < rows; ++i) {
    pqxx::nontransaction tx(db); // BUG
    tx.exec("update scores set value = 1");
  }
}
