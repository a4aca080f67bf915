// Nightly maintenance: two OpenMP sections vacuum and analyze through one
// database handle at the same time.
#include <sqlite3.h>

void nightly(sqlite3 *db) {
#pragma omp parallel sections
  {
#pragma omp section
    sqlite3_exec(db, "vacuum", nullptr, nullptr, nullptr); // BUG
#pragma omp section
    sqlite3_exec(db, "analyze", nullptr, nullptr, nullptr);
  }
}
