// Listener, fixed: the poller has its own PGconn.
#include <libpq-fe.h>
#include <thread>

void run_listener(const char *conninfo) {
  PGconn *conn = PQconnectdb(conninfo);
  std::thread poller([conninfo] {
    PGconn *own = PQconnectdb(conninfo);
    for (int i = 0; i < 10; ++i)
      PQexec(own, "listen jobs");
    PQfinish(own);
  });
  PQexec(conn, "insert into jobs values (1)");
  poller.join();
  PQfinish(conn);
}
