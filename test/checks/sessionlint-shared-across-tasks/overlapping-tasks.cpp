// RUN: %check_sessionlint %s -- %mock_flags
// SPEC rule 2 as far as the first version sees it: a spawn inside a loop
// that is not joined in the same iteration, and two spawns in a row.
#include <pqxx/pqxx>
#include <thread>
#include <vector>

void spawn_in_loop_bad(int n) {
  pqxx::connection db;
  for (int i = 0; i < n; ++i) {
    std::thread([&db] { db.close(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'std::thread' in a loop [sessionlint-shared-across-tasks]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: task started here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the next iteration starts another task while this one may still be running
  }
}

void joined_in_each_iteration_ok(int n) {
  pqxx::connection db;
  for (int i = 0; i < n; ++i) {
    std::thread t([&db] { db.close(); });
    t.join();
  }
}

void two_spawns_bad() {
  pqxx::connection db;
  std::thread a([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'std::thread' and 'std::thread' [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: task started here
  std::thread b([&db] { db.close(); });
  // CHECK-NOTES: :[[@LINE-1]]:19: note: another task reaches 'db' here while the first may still be running
  a.join();
  b.join();
}

void two_spawns_joined_between_ok() {
  pqxx::connection db;
  std::thread a([&db] { db.close(); });
  a.join();
  std::thread b([&db] { db.close(); });
  b.join();
}

// Threads collected in a vector and joined by a later loop.
void vector_joined_before_use_ok(int n) {
  pqxx::connection db;
  std::vector<std::thread> workers;
  workers.emplace_back([&db] { db.close(); });
  for (auto &w : workers)
    w.join();
  db.close();
}

void vector_used_before_join_bad() {
  pqxx::connection db;
  std::vector<std::thread> workers;
  workers.emplace_back([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db.close();
  for (auto &w : workers)
    w.join();
}

void vector_push_back_bad() {
  pqxx::connection db;
  std::vector<std::thread> workers;
  workers.push_back(std::thread([&db] { db.close(); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  for (auto &w : workers)
    w.join();
}
