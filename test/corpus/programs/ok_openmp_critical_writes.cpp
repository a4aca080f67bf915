// Batch scorer: scores are computed in parallel; the writes are serialised
// in a critical section.
#include <pqxx/pqxx>

double score(int row) { return row * 0.5; }

void score_batch(int rows) {
  pqxx::connection db("dbname=scores");
#pragma omp parallel for
  for (int i = 0; i < rows; ++i) {
    double s = score(i);
#pragma omp critical(db_writes)
    {
      pqxx::nontransaction tx(db);
      tx.exec("update scores set value = 1");
    }
  }
}
