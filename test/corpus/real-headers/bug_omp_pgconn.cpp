#include <libpq-fe.h>
#include <string>

void load(PGconn *c, int parts) {
#pragma omp parallel for
  for (int i = 0; i < parts; ++i) {
    std::string q = "SELECT load_part(" + std::to_string(i) + ")";
    PQclear(PQexec(c, q.c_str())); // BUG
  }
}
