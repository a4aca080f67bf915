#include <pthread.h>
#include <sqlite3.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static sqlite3 *db;

static void *worker(void *) {
  pthread_mutex_lock(&mu);
  sqlite3_exec(db, "INSERT INTO t VALUES(1)", 0, 0, 0);
  pthread_mutex_unlock(&mu);
  return 0;
}

int main() {
  sqlite3_open("x.db", &db);
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  pthread_mutex_lock(&mu);
  sqlite3_exec(db, "INSERT INTO t VALUES(2)", 0, 0, 0);
  pthread_mutex_unlock(&mu);
  pthread_join(t, 0);
}
