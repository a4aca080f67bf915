// RUN: %check_sessionlint %s -- %mock_flags
// A joining guard built from a task's handle (or from the spawn itself)
// joins the task at the end of its scope; a thread_local session is
// another object on every thread, so naming it from two threads shares
// nothing.
#include <map>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <thread>
#include <utility>
#include <vector>

class ScopedThread {
public:
  explicit ScopedThread(std::thread t) : t_(std::move(t)) {}
  ~ScopedThread() { t_.join(); }

private:
  std::thread t_;
};

class ThreadGuard {
public:
  explicit ThreadGuard(std::thread &t) : t_(t) {}
  ~ThreadGuard() { t_.join(); }

private:
  std::thread &t_;
};

void checkpoint(sqlite3 *db) { sqlite3_exec(db, "PRAGMA wal_checkpoint", nullptr, nullptr, nullptr); }

void scoped_thread_ends_before_use_ok(sqlite3 *db) {
  {
    ScopedThread st(std::thread(checkpoint, db));
  }
  sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr);
}

void scoped_thread_still_running_bad(sqlite3 *db) {
  ScopedThread st(std::thread(checkpoint, db));
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr);
}

void thread_guard_ends_before_use_ok(pqxx::connection &db) {
  {
    std::thread t([&db] { pqxx::work w(db); });
    ThreadGuard g(t);
  }
  pqxx::work w(db);
}

void thread_guard_still_running_bad(pqxx::connection &db) {
  std::thread t([&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  ThreadGuard g(t);
  pqxx::work w(db);
}

pqxx::connection &thread_connection() {
  thread_local pqxx::connection c;
  return c;
}

void record(int id) { pqxx::work w(thread_connection()); }

void thread_local_connection_ok() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(record, i);
  record(-1);
  for (auto &t : ts)
    t.join();
}

pqxx::connection &process_connection() {
  static pqxx::connection c;
  return c;
}

void record_shared(int id) { pqxx::work w(process_connection()); }

void static_connection_bad() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(record_shared, i);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'c' of type 'pqxx::connection' is shared by overlapping tasks started by 'std::thread' in a loop
  for (auto &t : ts)
    t.join();
}

// A cache keyed by the calling thread's id hands each thread its own.
class PerThreadConnections {
public:
  pqxx::connection &get() {
    std::lock_guard<std::mutex> lk(mu_);
    std::unique_ptr<pqxx::connection> &slot = conns_[std::this_thread::get_id()];
    return *slot;
  }
  pqxx::connection &any() { return *conns_.at(std::thread::id()); }

private:
  std::mutex mu_;
  std::map<std::thread::id, std::unique_ptr<pqxx::connection>> conns_;
};

void per_thread_cache_ok(PerThreadConnections &pc) {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&pc] { pqxx::work w(pc.get()); });
  for (auto &t : ts)
    t.join();
}

void same_key_for_every_thread_bad(PerThreadConnections &pc) {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&pc] { pqxx::work w(pc.any()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: session 'pc' of type 'PerThreadConnections' is shared by overlapping tasks started by 'std::thread' in a loop
  for (auto &t : ts)
    t.join();
}
