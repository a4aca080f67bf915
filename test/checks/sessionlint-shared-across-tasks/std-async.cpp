// RUN: %check_sessionlint %s -- %mock_flags
// std::async: the launch policy decides, and a discarded future joins at
// the end of its full-expression.
#include <functional>
#include <future>
#include <pqxx/pqxx>
#include <vector>

void launch_async_bad() {
  pqxx::connection db;
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::async' while this function keeps using it [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: task started here
  db.close();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'db' used here while the task may still be running
  f.get();
}

// The default policy (async | deferred) may run the task concurrently.
void default_policy_bad() {
  pqxx::connection db;
  auto f = std::async([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::async'
  db.close();
  f.wait();
}

void explicit_both_policies_bad() {
  pqxx::connection db;
  auto f = std::async(std::launch::async | std::launch::deferred, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:69: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::async'
  db.close();
  f.get();
}

// Deferred: the task runs inside get(), on this thread.
void deferred_ok() {
  pqxx::connection db;
  auto f = std::async(std::launch::deferred, [&db] { db.close(); });
  db.close();
  f.get();
}

// A discarded future blocks in its destructor at the end of the statement.
void discarded_future_ok() {
  pqxx::connection db;
  std::async(std::launch::async, [&db] { db.close(); });
  db.close();
}

void get_before_use_ok() {
  pqxx::connection db;
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  f.get();
  db.close();
}

void wait_before_use_ok() {
  pqxx::connection db;
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  f.wait();
  db.close();
}

// The future's destructor at the end of the block waits for the task.
void future_scope_end_ok() {
  pqxx::connection db;
  {
    auto f = std::async(std::launch::async, [&db] { db.close(); });
  }
  db.close();
}

void function_and_ref_argument_bad() {
  pqxx::connection db;
  auto f = std::async(std::launch::async, [](pqxx::connection &c) { c.close(); }, std::ref(db));
  // CHECK-MESSAGES: :[[@LINE-1]]:83: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::async'
  db.close();
  f.get();
}

// A future moved into a container is joined through the container: the
// next iteration starts another task while the first may still run.
void futures_moved_into_vector_bad(int n) {
  pqxx::connection db;
  std::vector<std::future<void>> pending;
  for (int i = 0; i < n; ++i) {
    auto f = std::async(std::launch::async, [&db] { db.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'std::async' in a loop
    pending.push_back(std::move(f));
  }
  for (auto &f : pending)
    f.get();
}

void future_moved_then_waited_ok() {
  pqxx::connection db;
  std::vector<std::future<void>> pending;
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  pending.push_back(std::move(f));
  for (auto &p : pending)
    p.get();
  db.close();
}

void future_moved_used_before_wait_bad() {
  pqxx::connection db;
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::async' while this function keeps using it
  auto g = std::move(f);
  db.close();
  g.get();
}
