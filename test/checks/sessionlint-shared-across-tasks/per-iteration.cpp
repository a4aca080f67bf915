// RUN: %check_sessionlint %s -- %mock_flags
// A spawn in a loop whose task obtains its session afresh in each
// iteration (a handle opened in the loop body, the range-for element, an
// element indexed by the iteration's own copy of the counter) gives every
// task its own: the tasks do not overlap on it. An index every task shares
// (`front()`, a counter captured by reference) does not.
#include <functional>
#include <memory>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <thread>
#include <vector>

void scan(sqlite3 *db, int part) { sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr); }

void handle_opened_per_iteration_ok() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) {
    sqlite3 *h = nullptr;
    sqlite3_open("t.db", &h);
    ts.emplace_back(scan, h, i);
  }
  for (auto &t : ts)
    t.join();
}

void handle_used_after_spawn_bad() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) {
    sqlite3 *h = nullptr;
    sqlite3_open("t.db", &h);
    ts.emplace_back(scan, h, i);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: session 'h' of type 'sqlite3 *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
    sqlite3_exec(h, "SELECT 2", nullptr, nullptr, nullptr);
  }
  for (auto &t : ts)
    t.join();
}

void element_by_own_index_ok(std::vector<std::unique_ptr<pqxx::connection>> &conns) {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&conns, i] { pqxx::work w(*conns[i]); });
  for (auto &t : ts)
    t.join();
}

void element_by_shared_counter_bad(std::vector<std::unique_ptr<pqxx::connection>> &conns) {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&] { pqxx::work w(*conns[i]); });
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: session 'conns' of type 'std::vector<std::unique_ptr<pqxx::connection>>' is shared by overlapping tasks started by 'std::thread' in a loop
  for (auto &t : ts)
    t.join();
}

void every_task_takes_the_first_bad(std::vector<std::unique_ptr<pqxx::connection>> &conns) {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&conns] { pqxx::work w(*conns.front()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: session 'conns' of type 'std::vector<std::unique_ptr<pqxx::connection>>' is shared by overlapping tasks started by 'std::thread' in a loop
  for (auto &t : ts)
    t.join();
}

void worker(pqxx::connection &c) { pqxx::work w(c); }

void range_element_ok(std::vector<pqxx::connection> &conns) {
  std::vector<std::thread> ts;
  for (auto &c : conns)
    ts.emplace_back(worker, std::ref(c));
  for (auto &t : ts)
    t.join();
}

void range_element_then_first_bad(std::vector<pqxx::connection> &conns) {
  std::vector<std::thread> ts;
  for (auto &c : conns)
    ts.emplace_back(worker, std::ref(c));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: session 'c' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  pqxx::work w(conns[0]);
  for (auto &t : ts)
    t.join();
}

// Asking a container about itself touches none of its sessions.
void container_size_is_no_use_ok(std::vector<pqxx::connection> &conns) {
  std::thread t([&conns] { pqxx::work w(conns[0]); });
  unsigned n = conns.size();
  t.join();
}
