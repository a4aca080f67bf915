// Listener: a thread polls notifications on the PGconn the main loop also
// sends queries through.
#include <libpq-fe.h>
#include <thread>

void run_listener(const char *conninfo) {
  PGconn *conn = PQconnectdb(conninfo);
  std::thread poller([conn] { // BUG
    for (int i = 0; i < 10; ++i)
      PQexec(conn, "listen jobs");
  });
  PQexec(conn, "insert into jobs values (1)");
  poller.join();
  PQfinish(conn);
}
