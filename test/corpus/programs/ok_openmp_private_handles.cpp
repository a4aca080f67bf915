// Nightly maintenance, fixed: each section opens its own handle.
#include <sqlite3.h>

void run(const char *path, const char *sql) {
  sqlite3 *db = nullptr;
  sqlite3_open(path, &db);
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

void nightly(const char *path) {
#pragma omp parallel sections
  {
#pragma omp section
    run(path, "vacuum");
#pragma omp section
    run(path, "analyze");
  }
}
