#include <libpq-fe.h>
#include <string>

void load(int parts) {
#pragma omp parallel for
  for (int i = 0; i < parts; ++i) {
    PGconn *c = PQconnectdb("dbname=x");
    std::string q = "SELECT load_part(" + std::to_string(i) + ")";
    PQclear(PQexec(c, q.c_str()));
    PQfinish(c);
  }
}
