#include <libpq-fe.h>
#include <thread>

struct Exporter {
  PGconn *conn;
  void operator()() const {
    PGresult *r = PQexec(conn, "COPY metrics TO STDOUT");
    PQclear(r);
  }
};

int main() {
  PGconn *conn = PQconnectdb("dbname=metrics");
  std::thread exporter(Exporter{conn}); // BUG
  PGresult *r = PQexec(conn, "DELETE FROM metrics WHERE ts < now() - interval '1 day'");
  PQclear(r);
  exporter.join();
  PQfinish(conn);
}
