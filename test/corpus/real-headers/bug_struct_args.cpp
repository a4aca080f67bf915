#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>

struct WorkerArgs {
  sqlite3 *db;
  int shard;
};

static void *scan_shard(void *p) {
  WorkerArgs *a = static_cast<WorkerArgs *>(p);
  char sql[128];
  snprintf(sql, sizeof sql, "SELECT * FROM items WHERE shard=%d", a->shard);
  sqlite3_exec(a->db, sql, NULL, NULL, NULL);
  return NULL;
}

int main() {
  sqlite3 *db;
  sqlite3_open("items.db", &db);
  pthread_t th[4];
  WorkerArgs args[4];
  for (int i = 0; i < 4; ++i) {
    args[i].db = db;
    args[i].shard = i;
    pthread_create(&th[i], NULL, scan_shard, &args[i]); // BUG
  }
  for (int i = 0; i < 4; ++i) pthread_join(th[i], NULL);
  sqlite3_close(db);
}
