#include <boost/thread.hpp>
#include <sqlite3.h>

void nightly(sqlite3 *db) {
  boost::thread t([db] { sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); }); // BUG
  sqlite3_exec(db, "ANALYZE", nullptr, nullptr, nullptr);
  t.join();
}
