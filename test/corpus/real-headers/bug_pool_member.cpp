#include "work_queues.h"
#include <sqlite3.h>
class Indexer {
public:
  void reindex_async() {
    pool_.submit([this] { sqlite3_exec(db_, "REINDEX", nullptr, nullptr, nullptr); });
  }
  void insert(const char *sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }
private:
  sqlite3 *db_ = nullptr;
  Pool pool_{2};
};
int main() { Indexer i; i.reindex_async(); i.insert("INSERT INTO t VALUES(1)"); } // BUG
