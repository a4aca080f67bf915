#include <libpq-fe.h>

void refresh(PGconn *c) {
#pragma omp parallel
#pragma omp single
  {
#pragma omp task
    PQclear(PQexec(c, "REFRESH MATERIALIZED VIEW a")); // BUG
#pragma omp task
    PQclear(PQexec(c, "REFRESH MATERIALIZED VIEW b"));
  }
}
