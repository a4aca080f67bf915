// RUN: %check_sessionlint %s -- %mock_flags
// Known misses (FN_) and known noise (FP_) of this version, each with the
// reason. These pin today's behaviour: when a limit is lifted, the test
// changes with it (docs/design/concurrency-model.md lists the same limits).
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

// FP: path-insensitive; both conditions are the same, but the walk takes
// the path that skips the join and reaches the use.
void FP_correlated_conditions(bool wait) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  if (wait)
    t.join();
  if (wait)
    db.close();
  else
    t.join();
}

// Clang's CFG drops the edge a constant condition can never take, so a join
// under `if (true)` does cover the use.
void join_under_constant_condition_ok() {
  pqxx::connection db;
  const bool always = true;
  std::thread t([&db] { db.close(); });
  if (always)
    t.join();
  db.close();
}

// FN: locks are lexical; the unlock inside the branch is not seen, so the
// use after it still counts as holding m.
void FN_unlock_in_branch(bool early) {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    std::lock_guard<std::mutex> lock(m);
    db.close();
  });
  m.lock();
  if (early)
    m.unlock();
  db.close();
  t.join();
}

// FN: a helper that joins on one path is taken to join on every path.
void maybe_finish(std::thread &t, bool really) {
  if (really)
    t.join();
}
void FN_helper_joins_on_one_path(bool really) {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  maybe_finish(t, really);
  db.close();
  if (t.joinable())
    t.join();
}

// FN: a helper that runs its callable on several threads and joins them
// before it returns (a hand-written parallel_for) is not followed: only a
// task that outlives the helper carries its caller's code.
template <class F> void parallel_each(int n, F f) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back(f);
  for (auto &t : threads)
    t.join();
}
void FN_parallel_helper(pqxx::connection &db) {
  parallel_each(4, [&db] { db.close(); });
}
