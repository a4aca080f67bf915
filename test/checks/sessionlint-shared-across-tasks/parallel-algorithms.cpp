// RUN: %check_sessionlint %s -- %mock_flags
// SPEC rule 2: the body of a parallel algorithm (std::execution::par or
// par_unseq) or of tbb::parallel_for runs on many threads at once, so a
// session it shares overlaps itself. tbb::parallel_invoke runs different
// functions at once: a session two of them use is shared. The caller waits
// for the whole algorithm, so uses after it are fine.
#include <algorithm>
#include <execution>
#include <mutex>
#include <pqxx/pqxx>
#include <tbb/tbb.h>
#include <vector>

void for_each_par_bad(const std::vector<int> &ids) {
  pqxx::connection db;
  std::for_each(std::execution::par, ids.begin(), ids.end(), [&](int id) {
    pqxx::work tx(db);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'std::for_each' runs in parallel [sessionlint-shared-across-tasks]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: this body runs on several threads at the same time
    // CHECK-NOTES: :[[@LINE-3]]:19: note: give each task its own session (open it inside the task or lease it from a pool), or hold one mutex around every use of 'db'
    tx.exec("select 1");
  });
  db.close(); // The algorithm has returned: not concurrent.
}

void for_each_par_unseq_bad(const std::vector<int> &ids) {
  pqxx::connection db;
  std::for_each(std::execution::par_unseq, ids.begin(), ids.end(),
                [&db](int) { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'std::for_each' runs in parallel
}

void transform_par_bad(const std::vector<int> &in, std::vector<int> &out) {
  pqxx::connection db;
  std::transform(std::execution::par, in.begin(), in.end(), out.begin(),
                 [&db](int v) { db.close(); return v; });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'std::transform' runs in parallel
}

void sort_comparator_par_bad(std::vector<int> &v) {
  pqxx::connection db;
  std::sort(std::execution::par, v.begin(), v.end(), [&](int a, int b) {
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'std::sort' runs in parallel
    return a < b;
  });
}

void for_each_seq_ok(const std::vector<int> &ids) {
  pqxx::connection db;
  std::for_each(std::execution::seq, ids.begin(), ids.end(),
                [&db](int) { db.close(); });
  std::for_each(ids.begin(), ids.end(), [&db](int) { db.close(); });
}

void for_each_par_own_session_ok(const std::vector<int> &ids) {
  std::for_each(std::execution::par, ids.begin(), ids.end(), [](int) {
    pqxx::connection own;
    pqxx::work tx(own);
    tx.exec("select 1");
  });
}

void for_each_par_locked_ok(const std::vector<int> &ids) {
  pqxx::connection db;
  std::mutex m;
  std::for_each(std::execution::par, ids.begin(), ids.end(), [&](int) {
    std::lock_guard<std::mutex> lock(m);
    db.close();
  });
}

void for_each_par_no_session_ok(std::vector<int> &ids) {
  int total = 0;
  std::for_each(std::execution::par, ids.begin(), ids.end(),
                [&total](int v) { (void)v; });
}

void tbb_parallel_for_bad(int n) {
  pqxx::connection db;
  tbb::parallel_for(0, n, [&db](int) { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'tbb::parallel_for' runs in parallel
}

void tbb_parallel_for_range_bad(int n) {
  pqxx::connection db;
  tbb::parallel_for(tbb::blocked_range<int>(0, n),
                    [&](const tbb::blocked_range<int> &) { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'tbb::parallel_for' runs in parallel
}

void tbb_parallel_for_own_session_ok(int n) {
  tbb::parallel_for(0, n, [](int) {
    pqxx::connection own;
    own.close();
  });
}

void tbb_parallel_invoke_two_users_bad() {
  pqxx::connection db;
  tbb::parallel_invoke([&db] { db.close(); }, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'tbb::parallel_invoke' runs in parallel
  // CHECK-NOTES: :[[@LINE-2]]:3: note: these functions run at the same time, each on its own thread
}

void tbb_parallel_invoke_one_user_ok() {
  pqxx::connection db, other;
  tbb::parallel_invoke([&db] { db.close(); }, [&other] { other.close(); });
}

void tbb_task_group_in_loop_bad(int n) {
  pqxx::connection db;
  tbb::task_group g;
  for (int i = 0; i < n; ++i)
    g.run([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'tbb::task_group::run' in a loop
  g.wait();
}

void tbb_task_group_use_before_wait_bad() {
  pqxx::connection db;
  tbb::task_group g;
  g.run([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'tbb::task_group::run'
  db.close();
  g.wait();
}

void tbb_task_group_waited_ok() {
  pqxx::connection db;
  tbb::task_group g;
  g.run([&db] { db.close(); });
  g.wait();
  db.close();
}
