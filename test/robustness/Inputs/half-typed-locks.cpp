// Half-typed functions next to finished ones (issues 13.2, 15.9). Each
// half-typed function is correct once finished; mid-edit, Clang drops or
// invalidates the lock or the join, and the use looks unguarded. None of
// them may be reported; the finished bug at the end still is.
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

// The mutex is being renamed: `std::scoped_lock lock(m)` with `m` gone is a
// function declaration with an unknown parameter type, not a lock.
void mutex_renamed_mid_edit() {
  pqxx::connection db;
  std::mutex mu;
  std::thread t([&] {
    std::scoped_lock lock(m);
    db.close();
  });
  std::lock_guard<std::mutex> guard(mu);
  db.close();
  t.join();
}

// The lock object is not declared yet: Clang drops `lock.lock();` and leaves
// nothing in its place.
void lock_statement_dropped() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    lock.lock();
    db.close();
  });
  std::lock_guard<std::mutex> guard(m);
  db.close();
  t.join();
}

// The join is misspelt: the thread looks never joined.
void join_misspelt(pqxx::connection &db) {
  std::thread t([&db] { db.close(); });
  t.jion();
  db.is_open();
}

// A helper that locks, mid-edit, called from a finished function.
struct Shared {
  std::mutex mu;
  pqxx::connection db;
};
void locked_close(Shared &s) {
  std::lock_guard<std::mutex> guard(s.mutex);
  s.db.close();
}
void helper_half_typed(Shared &s) {
  std::thread t([&s] { locked_close(s); });
  locked_close(s);
  t.join();
}

// The annotation macro is not defined yet: `NOT_YET_DEFINED(mu)` ends the
// declaration with an error right after it, and write_locked() loses the
// REQUIRES(mu) it will have.
struct Annotated {
  std::mutex mu;
  pqxx::connection db;
  void write_locked() NOT_YET_DEFINED(mu);
  void run() {
    std::thread t([this] {
      std::lock_guard<std::mutex> guard(mu);
      db.close();
    });
    write_locked();
    t.join();
  }
};

// A joining helper mid-edit (its range is misnamed): whether it joins is
// unknown, so is what its caller does after calling it.
void join_each(std::vector<std::thread> &workers) {
  for (auto &w : worker)
    w.join();
}
void joined_through_broken_helper() {
  pqxx::connection db;
  std::vector<std::thread> workers;
  workers.emplace_back([&db] { db.close(); });
  join_each(workers);
  db.close();
}

// Finished, and a bug: reported.
void finished_bug() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  db.is_open();
  t.join();
}
