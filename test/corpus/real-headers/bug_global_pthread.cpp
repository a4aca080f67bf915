#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static PGconn *g_conn;

static void *listener(void *) {
  for (;;) {
    PQconsumeInput(g_conn);
    PGnotify *n;
    while ((n = PQnotifies(g_conn)) != NULL) {
      printf("notify %s\n", n->relname);
      PQfreemem(n);
    }
    sleep(1);
  }
  return NULL;
}

int main() {
  g_conn = PQconnectdb("dbname=app");
  pthread_t tid;
  pthread_create(&tid, NULL, listener, NULL); // BUG
  for (int i = 0; i < 10; ++i) {
    PGresult *r = PQexec(g_conn, "INSERT INTO events DEFAULT VALUES");
    PQclear(r);
  }
  pthread_join(tid, NULL);
  PQfinish(g_conn);
}
