#include <pthread.h>
#include <sqlite3.h>

struct Job { sqlite3 *db; int id; };

static void *run(void *p) {
  Job *j = (Job *)p;
  sqlite3_exec(j->db, "UPDATE t SET x = x + 1", 0, 0, 0);
  return 0;
}

int main() {
  sqlite3 *db;
  sqlite3_open("x.db", &db);
  Job job{db, 1};
  pthread_t t;
  pthread_create(&t, 0, run, &job); // BUG
  sqlite3_exec(db, "SELECT * FROM t", 0, 0, 0);
  pthread_join(t, 0);
}
