// RUN: %check_sessionlint %s -- %mock_flags
// Locks and signals beyond std::lock_guard: a hand-written lock guard
// (judged by what its constructor and destructor do), pthread mutexes,
// std::lock over deferred locks; a task that ends by making a promise
// ready, which the spawner waits for; a task that waits for a latch,
// semaphore, condition variable or promise before anything else, which
// the spawner releases after its own uses.
#include <condition_variable>
#include <functional>
#include <future>
#include <latch>
#include <mutex>
#include <pqxx/pqxx>
#include <pthread.h>
#include <semaphore>
#include <sqlite3.h>
#include <thread>

class Locker {
public:
  explicit Locker(std::mutex &m) : m_(m) { m_.lock(); }
  ~Locker() { m_.unlock(); }

private:
  std::mutex &m_;
};

std::mutex g_mu, g_other;

void own_lock_guard_ok(sqlite3 *db) {
  std::thread t([db] {
    Locker l(g_mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
  });
  {
    Locker l(g_mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(2)", nullptr, nullptr, nullptr);
  }
  t.join();
}

void own_lock_guard_other_mutex_bad(sqlite3 *db) {
  std::thread t([db] {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
    Locker l(g_mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
  });
  {
    Locker l(g_other);
    sqlite3_exec(db, "INSERT INTO t VALUES(2)", nullptr, nullptr, nullptr);
  }
  t.join();
}

static pthread_mutex_t p_mu = PTHREAD_MUTEX_INITIALIZER;

void pthread_mutex_ok(sqlite3 *db) {
  std::thread t([db] {
    pthread_mutex_lock(&p_mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
    pthread_mutex_unlock(&p_mu);
  });
  pthread_mutex_lock(&p_mu);
  sqlite3_exec(db, "INSERT INTO t VALUES(2)", nullptr, nullptr, nullptr);
  pthread_mutex_unlock(&p_mu);
  t.join();
}

void pthread_mutex_released_early_bad(sqlite3 *db) {
  std::thread t([db] {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'std::thread' while this function keeps using it
    pthread_mutex_lock(&p_mu);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
    pthread_mutex_unlock(&p_mu);
  });
  pthread_mutex_lock(&p_mu);
  pthread_mutex_unlock(&p_mu);
  sqlite3_exec(db, "INSERT INTO t VALUES(2)", nullptr, nullptr, nullptr);
  t.join();
}

void std_lock_of_deferred_locks_ok(sqlite3 *db) {
  std::thread t([db] {
    std::unique_lock<std::mutex> a(g_mu, std::defer_lock), b(g_other, std::defer_lock);
    std::lock(a, b);
    sqlite3_exec(db, "INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
  });
  {
    std::scoped_lock both(g_mu, g_other);
    sqlite3_exec(db, "INSERT INTO t VALUES(2)", nullptr, nullptr, nullptr);
  }
  t.join();
}

void promise_made_ready_last_ok(pqxx::connection &db) {
  std::promise<void> done;
  std::future<void> finished = done.get_future();
  std::thread([&db, &done] {
    pqxx::work w(db);
    done.set_value();
  }).detach();
  finished.wait();
  pqxx::work w(db);
}

void promise_made_ready_first_bad(pqxx::connection &db) {
  std::promise<void> started;
  std::future<void> up = started.get_future();
  std::thread([&db, &started] {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
    started.set_value();
    pqxx::work w(db);
  }).detach();
  up.wait();
  pqxx::work w(db);
}

void latch_opened_after_setup_ok(pqxx::connection &db) {
  std::latch ready(1);
  std::thread t([&db, &ready] {
    ready.wait();
    pqxx::work w(db);
  });
  {
    pqxx::work setup(db);
  }
  ready.count_down();
  t.join();
}

void latch_opened_before_use_bad(pqxx::connection &db) {
  std::latch ready(1);
  std::thread t([&db, &ready] {
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
    ready.wait();
    pqxx::work w(db);
  });
  ready.count_down();
  pqxx::work w(db);
  t.join();
}

void semaphore_gate_ok(sqlite3 *db) {
  std::binary_semaphore go(0);
  std::thread t([db, &go] {
    go.acquire();
    sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr);
  });
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  go.release();
  t.join();
}

void second_task_before_the_gate_bad(sqlite3 *db) {
  std::latch ready(1);
  std::thread gated([db, &ready] {
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: session 'db' of type 'sqlite3 *' is shared by overlapping tasks started by 'std::thread' and 'std::thread'
    ready.wait();
    sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr);
  });
  std::thread eager([db] { sqlite3_exec(db, "SELECT 2", nullptr, nullptr, nullptr); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'std::thread' while this function keeps using it
  sqlite3_exec(db, "SELECT 3", nullptr, nullptr, nullptr);
  ready.count_down();
  gated.join();
  eager.join();
}

// A task that ends by setting a flag and notifying a condition variable of
// the spawner, which waits for it before its own use: a hand-written join.
void condition_notified_last_ok(pqxx::connection &db) {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread worker([&] {
    {
      pqxx::work w(db);
    }
    std::lock_guard<std::mutex> lk(m);
    done = true;
    cv.notify_one();
  });
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [&] { return done; });
  }
  pqxx::work w(db);
  worker.join();
}

struct Signal {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
};

static void import_then_signal(pqxx::connection &db, std::condition_variable &cv,
                               Signal &s) {
  pqxx::work w(db);
  {
    std::lock_guard<std::mutex> lk(s.m);
    s.done = true;
    cv.notify_all();
  }
}

void condition_notified_by_named_function_ok(pqxx::connection &db) {
  Signal s;
  std::condition_variable cv;
  std::thread worker(import_then_signal, std::ref(db), std::ref(cv), std::ref(s));
  std::unique_lock<std::mutex> lk(s.m);
  while (!s.done)
    cv.wait(lk);
  pqxx::work w(db);
  lk.unlock();
  worker.join();
}

void condition_used_before_wait_bad(pqxx::connection &db) {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread worker([&] {
    pqxx::work w(db);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
    std::lock_guard<std::mutex> lk(m);
    done = true;
    cv.notify_one();
  });
  pqxx::work w(db);
  std::unique_lock<std::mutex> lk(m);
  cv.wait(lk, [&] { return done; });
  worker.join();
}

// Notified first, the session used after: the wait is no join.
void condition_notified_before_last_use_bad(pqxx::connection &db) {
  std::mutex m;
  std::condition_variable cv;
  bool ready = false;
  std::thread worker([&] {
    {
      std::lock_guard<std::mutex> lk(m);
      ready = true;
    }
    cv.notify_one();
    pqxx::work w(db);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  });
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [&] { return ready; });
  }
  pqxx::work w(db);
  worker.join();
}
