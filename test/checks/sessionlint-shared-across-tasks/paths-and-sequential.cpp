// RUN: %check_sessionlint %s -- %mock_flags
// SPEC rule 1 on every path: a join in both branches, before an early
// return, or in a catch handler that rethrows covers the use; a path that
// skips the join is still a bug. And the sequential forms of SPEC section 3
// never start a concurrent task.
#include <future>
#include <pqxx/pqxx>
#include <stdexcept>
#include <thread>

void may_throw();

void early_return_joins_first_ok(bool ready) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  if (!ready) {
    t.join();
    return;
  }
  t.join();
  db.close();
}

void early_return_uses_before_join_bad(bool failed) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  if (failed) {
    db.close();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'db' used here while the task may still be running
    t.join();
    return;
  }
  t.join();
}

void join_in_catch_and_after_ok() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  try {
    may_throw();
  } catch (...) {
    t.join();
    throw;
  }
  t.join();
  db.close();
}

void use_in_catch_before_join_bad() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  try {
    may_throw();
  } catch (const std::exception &) {
    db.close();
  }
  t.join();
}

void join_in_every_switch_case_ok(int mode) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  switch (mode) {
  case 0:
    t.join();
    break;
  default:
    t.join();
    break;
  }
  db.close();
}

void switch_case_without_join_bad(int mode) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  switch (mode) {
  case 0:
    t.join();
    break;
  default:
    break;
  }
  db.close();
  if (t.joinable())
    t.join();
}

void join_in_loop_before_use_ok(int n) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  while (n-- > 0) {
  }
  t.join();
  db.close();
}

void deferred_then_get_ok() {
  pqxx::connection db;
  auto f = std::async(std::launch::deferred, [&db] { db.close(); });
  db.close();
  f.get();
}

void discarded_async_temporary_ok() {
  pqxx::connection db;
  std::async(std::launch::async, [&db] { db.close(); });
  db.close();
}

void future_scope_then_use_ok() {
  pqxx::connection db;
  {
    auto f = std::async(std::launch::async, [&db] { db.close(); });
  }
  db.close();
}

// A plain blocking wait (cppcoro::sync_wait, folly::coro::blockingWait)
// runs the coroutine to completion before returning.
namespace cppcoro {
template <class T> struct task {};
template <class T> void sync_wait(T &&) {}
} // namespace cppcoro
cppcoro::task<void> refresh(pqxx::connection &c);

void sync_wait_ok() {
  pqxx::connection db;
  cppcoro::sync_wait(refresh(db));
  db.close();
}

void session_created_in_task_ok() {
  pqxx::connection db;
  std::thread t([] {
    pqxx::connection own;
    own.close();
  });
  db.close();
  t.join();
}

void session_moved_into_task_ok() {
  pqxx::connection db;
  std::thread t([c = std::move(db)]() mutable { c.close(); });
  t.join();
}
