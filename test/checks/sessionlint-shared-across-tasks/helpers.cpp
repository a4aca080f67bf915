// RUN: %check_sessionlint %s -- %mock_flags
// A function in the same translation unit that starts a task with one of
// its parameters makes each of its calls a spawn site for the argument; a
// function that joins what it is given is a join. Summaries are computed
// once per translation unit and follow chains of helpers.
#include <future>
#include <pqxx/pqxx>
#include <thread>
#include <utility>
#include <vector>

void start_progress(pqxx::connection &c) {
  std::thread t([&c] { c.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'c' of type 'pqxx::connection' is shared with a detached task started by 'std::thread' while the caller keeps using it [sessionlint-shared-across-tasks]
  t.detach();
}

void helper_spawns_bad() {
  pqxx::connection db;
  start_progress(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'start_progress' while this function keeps using it
  // CHECK-NOTES: :[[@LINE-2]]:3: note: task started here
  // CHECK-NOTES: :[[@LINE-10]]:15: note: 'start_progress' starts a task that outlives it here
  db.close();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'db' used here while the task may still be running
}

void helper_with_own_session_ok() {
  pqxx::connection db, progress;
  start_progress(progress);
  db.close();
}

void helper_called_last_ok() {
  pqxx::connection db;
  db.close();
  start_progress(db);
}

void helper_in_loop_bad(int n) {
  pqxx::connection db;
  for (int i = 0; i < n; ++i)
    start_progress(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'start_progress' in a loop
}

// A chain: report_later forwards its parameter to start_progress.
void report_later(pqxx::connection &c) { start_progress(c); }

void helper_chain_bad() {
  pqxx::connection db;
  report_later(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'report_later'
  db.close();
}

void start_by_pointer(pqxx::connection *c) {
  std::thread([c] { c->close(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: session 'c' of type 'pqxx::connection *' is shared with a detached task
}

void pointer_helper_bad() {
  pqxx::connection db;
  start_by_pointer(&db);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'start_by_pointer'
  db.close();
}

// Joins its own task before returning: not a spawn for the caller.
void run_and_wait(pqxx::connection &c) {
  std::thread t([&c] { c.close(); });
  t.join();
}

void helper_that_joins_itself_ok() {
  pqxx::connection db;
  run_and_wait(db);
  db.close();
}

// Returns the task: the caller joins it through the returned handle.
std::thread start_export(pqxx::connection &c) {
  return std::thread([&c] { c.close(); });
}

void returned_handle_joined_ok() {
  pqxx::connection db;
  std::thread t = start_export(db);
  t.join();
  db.close();
}

void returned_handle_used_before_join_bad() {
  pqxx::connection db;
  std::thread t = start_export(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'start_export'
  db.close();
  t.join();
}

std::future<void> start_async(pqxx::connection &c) {
  auto f = std::async(std::launch::async, [&c] { c.close(); });
  return f;
}

void returned_future_waited_ok() {
  pqxx::connection db;
  auto f = start_async(db);
  f.get();
  db.close();
}

void returned_future_used_before_get_bad() {
  pqxx::connection db;
  auto f = start_async(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'start_async'
  db.close();
  f.get();
}

// Helpers that join what they are given.
void wait_all(std::vector<std::thread> &workers) {
  for (auto &w : workers)
    w.join();
}
void finish(std::thread &t) { t.join(); }
void finish_moved(std::thread t) { t.join(); }

void join_helper_ok() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  finish(t);
  db.close();
}

void join_helper_by_value_ok() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  finish_moved(std::move(t));
  db.close();
}

void join_all_helper_ok(int n) {
  pqxx::connection db;
  std::vector<std::thread> workers;
  workers.emplace_back([&db] { db.close(); });
  wait_all(workers);
  db.close();
}

void join_helper_after_use_bad() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  finish(t);
}

void not_a_join(std::thread &t) {}

void helper_that_does_not_join_bad() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  not_a_join(t);
  db.close();
  t.join();
}

// Recursion and templates must not hang: the summary of a recursive helper
// is reached by a fixed point.
void recurse(pqxx::connection &c, int depth) {
  if (depth == 0)
    return start_progress(c);
  recurse(c, depth - 1);
}

void recursive_helper_bad() {
  pqxx::connection db;
  recurse(db, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'recurse'
  db.close();
}

template <class Conn> void start_generic(Conn &c) {
  std::thread([&c] { c.close(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'c' of type 'pqxx::connection' is shared with a detached task
}

void template_helper_bad() {
  pqxx::connection db;
  start_generic(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'start_generic'
  db.close();
}
