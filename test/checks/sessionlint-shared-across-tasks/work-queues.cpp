// RUN: %check_sessionlint %s -- %mock_flags
// A job handed to a hand-written thread pool or work queue is a task: the
// pool's threads, started elsewhere, take it from a member queue and run it
// (Submissions.h). A helper that starts a thread on the callable it is
// given runs its caller's code. Both are recognised by what the code does,
// not by the names `enqueue` / `submit` / `launch`.
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <queue>
#include <sqlite3.h>
#include <thread>
#include <utility>
#include <vector>

// Several workers take jobs from one queue.
class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { drain(); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto &w : workers_)
      w.join();
  }
  void submit(std::function<void()> job) {
    std::lock_guard<std::mutex> lk(mu_);
    jobs_.push(std::move(job));
    cv_.notify_one();
  }

private:
  void drain() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lk(mu_);
        cv_.wait(lk, [this] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty())
          return;
        job = std::move(jobs_.front());
        jobs_.pop();
      }
      job();
    }
  }
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> jobs_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

void pool_jobs_share_connection_bad(pqxx::connection &db) {
  Pool pool(4);
  for (int i = 0; i < 8; ++i)
    pool.submit([&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'submit' in a loop [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: task started here
  // CHECK-NOTES: :[[@LINE-32]]:5: note: 'submit' hands the task to a worker thread here
}

void pool_job_then_caller_uses_bad(pqxx::connection &db) {
  Pool pool(2);
  pool.submit([&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'submit' while this function keeps using it
  pqxx::work w(db);
}

void pool_jobs_own_connection_ok() {
  Pool pool(4);
  for (int i = 0; i < 8; ++i)
    pool.submit([] {
      pqxx::connection own;
      pqxx::work w(own);
    });
}

// The pool's destructor joins its workers, which finish the queue first.
void pool_gone_before_use_ok(pqxx::connection &db) {
  {
    Pool pool(2);
    pool.submit([&db] { pqxx::work w(db); });
  }
  pqxx::work w(db);
}

class Indexer {
public:
  void reindex_later() {
    pool_.submit([this] { sqlite3_exec(db_, "REINDEX", nullptr, nullptr, nullptr); });
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: session 'db_' of type 'sqlite3 *' is shared with a detached task started by 'submit' while the caller keeps using it
  }
  void insert(const char *sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

private:
  sqlite3 *db_ = nullptr;
  Pool pool_{2};
};

// One thread runs the queue: its jobs run one after another.
class SerialWorker {
public:
  SerialWorker() : thread_([this] { loop(); }) {}
  ~SerialWorker() { thread_.join(); }
  void post(std::function<void()> job) {
    std::lock_guard<std::mutex> lk(mu_);
    jobs_.push_back(std::move(job));
  }

private:
  void loop() {
    while (!jobs_.empty()) {
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      job();
    }
  }
  std::mutex mu_;
  std::deque<std::function<void()>> jobs_;
  std::thread thread_;
};

void serial_jobs_in_a_loop_ok(pqxx::connection &db) {
  SerialWorker worker;
  for (int i = 0; i < 8; ++i)
    worker.post([&db] { pqxx::work w(db); });
}

void serial_job_beside_caller_bad(pqxx::connection &db, SerialWorker &worker) {
  worker.post([&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'post' while this function keeps using it
  pqxx::work w(db);
}

// Callbacks run later on the caller's own thread: no thread takes them.
class EventBus {
public:
  void on(std::function<void()> cb) { handlers_.push_back(std::move(cb)); }
  void emit() {
    for (auto &h : handlers_)
      h();
  }

private:
  std::vector<std::function<void()>> handlers_;
};

void callback_registry_ok(pqxx::connection &db) {
  EventBus bus;
  bus.on([&db] { pqxx::work w(db); });
  bus.on([&db] { pqxx::work w(db); });
  bus.emit();
  pqxx::work w(db);
}

// The widely copied pool: a packaged_task behind a shared_ptr behind a
// lambda, and a future for the caller.
class FuturePool {
public:
  explicit FuturePool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] {
        for (;;) {
          std::function<void()> task;
          {
            std::unique_lock<std::mutex> lock(this->mu_);
            this->cv_.wait(lock, [this] { return !this->tasks_.empty(); });
            task = std::move(this->tasks_.front());
            this->tasks_.pop();
          }
          task();
        }
      });
  }
  template <class F, class... Args> std::future<int> enqueue(F &&f, Args &&...args) {
    auto task = std::make_shared<std::packaged_task<int()>>(
        std::bind(std::forward<F>(f), std::forward<Args>(args)...));
    std::future<int> res = task->get_future();
    {
      std::unique_lock<std::mutex> lock(mu_);
      tasks_.emplace([task]() { (*task)(); });
    }
    cv_.notify_one();
    return res;
  }

private:
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> tasks_;
  std::mutex mu_;
  std::condition_variable cv_;
};

int count_rows(sqlite3 *db, int shard) { return sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr); }

void future_pool_jobs_bad(sqlite3 *db, FuturePool &pool) {
  std::vector<std::future<int>> results;
  for (int shard = 0; shard < 4; ++shard)
    results.emplace_back(pool.enqueue(count_rows, db, shard));
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: session 'db' of type 'sqlite3 *' is shared by overlapping tasks started by 'enqueue' in a loop
  for (auto &r : results)
    r.get();
}

void future_pool_waited_ok(sqlite3 *db, FuturePool &pool) {
  std::future<int> done = pool.enqueue([db] { return sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); });
  done.get();
  sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr);
}

// A wrapper that hands its own parameter on to the pool submits too.
template <class F> void run_in_background(Pool &pool, F job) { pool.submit(std::move(job)); }

void wrapper_submits_bad(pqxx::connection &db, Pool &pool) {
  run_in_background(pool, [&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'run_in_background' while this function keeps using it
  pqxx::work w(db);
}

// A queue at namespace scope, drained by a named thread function.
std::queue<std::function<void()>> g_jobs;
std::mutex g_jobs_mu;

void drain_jobs() {
  for (;;) {
    std::function<void()> job;
    {
      std::lock_guard<std::mutex> lk(g_jobs_mu);
      job = std::move(g_jobs.front());
      g_jobs.pop();
    }
    job();
  }
}

void schedule(std::function<void()> job) {
  std::lock_guard<std::mutex> lk(g_jobs_mu);
  g_jobs.push(std::move(job));
}

void global_queue_bad(sqlite3 *db) {
  std::thread a(drain_jobs), b(drain_jobs);
  schedule([db] { sqlite3_exec(db, "DELETE FROM t", nullptr, nullptr, nullptr); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: session 'db' of type 'sqlite3 *' is shared by overlapping tasks started by 'schedule' and 'schedule'
  schedule([db] { sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: session 'db' of type 'sqlite3 *' is shared with a detached task started by 'schedule' while the caller keeps using it
  a.join();
  b.join();
}

// Helpers that start a thread on the callable they are given.
template <class F> void launch(F f) { std::thread(std::move(f)).detach(); }
void launch_function(std::function<void()> f) { std::thread(std::move(f)).detach(); }
template <class F> void launch_and_wait(F f) {
  std::thread t(f);
  t.join();
}

void launch_template_bad(pqxx::connection &db) {
  launch([&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'launch' while this function keeps using it
  pqxx::work w(db);
}

void launch_std_function_bad(pqxx::connection &db) {
  launch_function([&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'launch_function' while this function keeps using it
  pqxx::work w(db);
}

void launch_own_session_ok(pqxx::connection &db) {
  launch([] {
    pqxx::connection own;
    pqxx::work w(own);
  });
  pqxx::work w(db);
}

void launch_and_wait_ok(pqxx::connection &db) {
  launch_and_wait([&db] { pqxx::work w(db); });
  pqxx::work w(db);
}

// A lambda kept in a std::function variable, then handed to the thread.
void function_variable_bad(pqxx::connection &db) {
  std::function<void()> job = [&db] { pqxx::work w(db); };
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  std::thread t(job);
  pqxx::work w(db);
  t.join();
}
