// RUN: %check_sessionlint %s -- %mock_flags
// Sequential and joined forms that must stay silent: a discarded std::async
// future in every spelling joins at the end of its full-expression; a timed
// join whose failure branch ends the program or the function joins on the
// branch that goes on. And QtConcurrent's map/filter family as parallel
// bodies.
#include <QtConcurrent/QtConcurrent>
#include <boost/thread.hpp>
#include <cstdlib>
#include <future>
#include <pqxx/pqxx>
#include <thread>
#include <tuple>
#include <vector>

// --- discarded futures --------------------------------------------------------
void void_cast_discarded_ok(pqxx::connection &db) {
  (void)std::async(std::launch::async, [&db] { db.close(); });
  db.is_open();
}

void static_cast_discarded_ok(pqxx::connection &db) {
  static_cast<void>(std::async([&db] { db.close(); }));
  db.is_open();
}

void ignore_assigned_ok(pqxx::connection &db) {
  std::ignore = std::async(std::launch::async, [&db] { db.close(); });
  db.is_open();
}

void kept_future_bad(pqxx::connection &db) {
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::async' while this function keeps using it [sessionlint-shared-across-tasks]
  db.is_open();
}

// --- timed joins --------------------------------------------------------------
struct Seconds {
  long n;
};

void try_join_or_abort_ok(pqxx::connection &db) {
  boost::thread t([&db] { db.close(); });
  if (!t.try_join_for(Seconds{5}))
    std::abort();
  db.is_open();
}

void try_join_or_return_ok() {
  pqxx::connection db;
  boost::thread t([&db] { db.close(); });
  if (!t.try_join_until(Seconds{5}))
    return;
  db.is_open();
}

// Detached on time-out: the task goes on with the caller's connection.
void try_join_or_detach_bad(pqxx::connection &db) {
  boost::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'boost::thread' while the caller keeps using it [sessionlint-shared-across-tasks]
  if (!t.try_join_until(Seconds{5})) {
    t.detach();
    return;
  }
  db.is_open();
}

void try_join_or_throw_ok(pqxx::connection &db) {
  boost::thread t([&db] { db.close(); });
  if (t.try_join_for(Seconds{5})) {
    db.is_open();
    return;
  }
  throw 1;
}

void try_join_failure_goes_on_bad(pqxx::connection &db) {
  boost::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'boost::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  if (!t.try_join_for(Seconds{5})) {
    // A log line, then on as if joined.
  }
  db.is_open();
  t.join();
}

void wait_for_ready_or_exit_ok(pqxx::connection &db) {
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  if (f.wait_for(Seconds{1}) != std::future_status::ready)
    std::exit(1);
  db.is_open();
}

void wait_for_ready_checked_ok(pqxx::connection &db) {
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  if (f.wait_for(Seconds{1}) == std::future_status::ready)
    db.is_open();
  else
    std::terminate();
}

void wait_for_not_checked_bad(pqxx::connection &db) {
  auto f = std::async(std::launch::async, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::async' while this function keeps using it [sessionlint-shared-across-tasks]
  f.wait_for(Seconds{1});
  db.is_open();
}

// --- a thread started on some paths, joined where it is joinable ----------------
// On the false branch of `t.joinable()` (or `f.valid()`) the handle holds no
// running task, so `if (t.joinable()) t.join();` joins on every path.
void joined_if_joinable_ok(pqxx::connection &db, bool background) {
  std::thread t;
  if (background)
    t = std::thread([&db] { db.close(); });
  else
    db.close();
  if (t.joinable())
    t.join();
  db.is_open();
}

struct Job { std::thread worker; };

void member_handle_not_joinable_returns_ok(pqxx::connection &db) {
  Job job;
  job.worker = std::thread([&db] { db.close(); });
  if (!job.worker.joinable()) {
    db.is_open();
    return;
  }
  job.worker.join();
  db.is_open();
}

void future_valid_then_get_ok(pqxx::connection &db) {
  std::future<void> f = std::async(std::launch::async, [&db] { db.close(); });
  if (f.valid())
    f.get();
  db.is_open();
}

void used_before_joinable_join_bad(pqxx::connection &db) {
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db.is_open();
  if (t.joinable())
    t.join();
}

// The true branch is where the task still runs.
void used_while_joinable_bad(pqxx::connection &db) {
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  if (t.joinable()) {
    db.is_open();
    t.join();
  }
}

// --- QtConcurrent's map and filter family ------------------------------------
void mapped_shares_connection_bad(pqxx::connection &db, std::vector<int> &ids) {
  QtConcurrent::blockingMap(ids, [&db](int &) { pqxx::work tx(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'QtConcurrent::blockingMap' runs in parallel [sessionlint-shared-across-tasks]
}

void filtered_own_connection_ok(std::vector<int> &ids) {
  QtConcurrent::filtered(ids, [](int) {
    pqxx::connection own;
    return own.is_open();
  }).waitForFinished();
}

void reduce_one_at_a_time_ok(pqxx::connection &db, const std::vector<int> &ids) {
  QtConcurrent::blockingMappedReduced(
      ids, [](int id) { return id; }, [&db](int &, int) { pqxx::work tx(db); });
}
