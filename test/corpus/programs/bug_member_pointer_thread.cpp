// Snapshotter: the snapshot thread runs a member function on `this`; the
// owner queries the same database meanwhile.
#include <SQLiteCpp/SQLiteCpp.h>
#include <thread>

class Snapshotter {
public:
  Snapshotter() : db_("state.db") {}
  void snapshot_and_report() {
    std::thread t(&Snapshotter::snapshot, this); // BUG
    db_.exec("select count(*) from state");
    t.join();
  }

private:
  void snapshot() { db_.exec("vacuum into 'snap.db'"); }
  SQLite::Database db_;
};
