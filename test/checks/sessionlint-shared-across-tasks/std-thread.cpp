// RUN: %check_sessionlint %s -- %mock_flags
// std::thread: by-reference captures, join before reuse, sessions created
// inside the task or moved into it.
#include <pqxx/pqxx>
#include <thread>
#include <utility>

void explicit_ref_capture_bad() {
  pqxx::connection db;
  std::thread t([&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: task started here
  db.close();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'db' used here while the task may still be running
  // CHECK-NOTES: :[[@LINE-5]]:19: note: give the task its own session
  t.join();
}

void default_ref_capture_bad() {
  pqxx::connection db;
  std::thread t([&] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  pqxx::work tx(db);
  t.join();
}

void joined_before_use_ok() {
  pqxx::connection db;
  std::thread t([&db] { pqxx::work w(db); });
  t.join();
  db.close();
}

void used_before_spawn_only_ok() {
  pqxx::connection db;
  pqxx::work tx(db);
  tx.commit();
  std::thread t([&db] { pqxx::work w(db); });
  t.join();
}

void created_inside_task_ok() {
  pqxx::connection db;
  std::thread t([] {
    pqxx::connection own("dbname=x");
    pqxx::work w(own);
  });
  db.close();
  t.join();
}

void moved_into_task_ok(pqxx::connection db) {
  std::thread t([c = std::move(db)]() mutable { pqxx::work w(c); });
  t.join();
}

void not_a_session_ok() {
  int progress = 0;
  std::thread t([&progress] { ++progress; });
  ++progress;
  t.join();
}

// Joined on one branch only: the other path reaches the use.
void joined_on_one_branch_bad(bool wait) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  if (wait)
    t.join();
  db.close();
}

void joined_on_both_branches_ok(bool fast) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  if (fast) {
    t.join();
  } else {
    t.join();
  }
  db.close();
}

// The lambda is declared first and handed to the thread by name.
void named_lambda_bad() {
  pqxx::connection db;
  auto task = [&db] { pqxx::work w(db); };
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  std::thread t(task);
  db.close();
  t.join();
}

// A detached thread and a later use in the same function.
void detached_then_used_bad() {
  pqxx::connection db;
  std::thread([&db] { db.close(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
}

// Spawned from inside a lambda: the lambda body is the spawning function.
void spawn_inside_lambda_bad() {
  auto job = [] {
    pqxx::connection db;
    std::thread t([&db] { db.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
    db.close();
    t.join();
  };
  job();
}
