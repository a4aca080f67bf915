// RUN: %check_sessionlint %s -- %real_flags %libcxx_flags
// The standard-library spawn APIs through libc++ (libc++-dev), whose names
// live in the inline namespace std::__1: std::thread, std::jthread,
// std::async and std::for_each with std::execution::par are recognised as
// with libstdc++.
#include <future>
#include <sqlite3.h>
#include <thread>
#include <vector>

void thread_bad(sqlite3 *db) {
  std::thread t([db] { sqlite3_exec(db, "vacuum", nullptr, nullptr, nullptr); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  sqlite3_exec(db, "analyze", nullptr, nullptr, nullptr);
  t.join();
}

void jthread_scope_ok(sqlite3 *db) {
  {
    std::jthread t([db] { sqlite3_exec(db, "vacuum", nullptr, nullptr, nullptr); });
  }
  sqlite3_exec(db, "analyze", nullptr, nullptr, nullptr);
}

void async_then_get_ok(sqlite3 *db) {
  auto f = std::async(std::launch::async, [db] { return sqlite3_exec(db, "vacuum", nullptr, nullptr, nullptr); });
  f.get();
  sqlite3_exec(db, "analyze", nullptr, nullptr, nullptr);
}

void async_in_loop_bad(sqlite3 *db, int n) {
  std::vector<std::future<int>> pending;
  for (int i = 0; i < n; ++i)
    pending.push_back(std::async(std::launch::async, [db] { return sqlite3_exec(db, "select 1", nullptr, nullptr, nullptr); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: session 'db' of type 'sqlite3 *' is shared by overlapping tasks started by 'std::async' in a loop
  for (auto &f : pending)
    f.get();
}
