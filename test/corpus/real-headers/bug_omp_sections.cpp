#include <sqlite3.h>

void rebuild(sqlite3 *db) {
#pragma omp parallel sections
  {
#pragma omp section
    sqlite3_exec(db, "REINDEX a", nullptr, nullptr, nullptr); // BUG
#pragma omp section
    sqlite3_exec(db, "REINDEX b", nullptr, nullptr, nullptr);
  }
}
