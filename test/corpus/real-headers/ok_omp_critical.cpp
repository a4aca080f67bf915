#include <libpq-fe.h>
#include <string>

void load(PGconn *c, int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    std::string q = "SELECT " + std::to_string(i);
#pragma omp critical
    PQclear(PQexec(c, q.c_str()));
  }
}
