// RUN: %check_sessionlint %s -- %mock_flags
// A handler posted to an Asio execution context runs on the threads that
// run it: `pool.join()` / `wait()`, `io.run()` and the end of a local
// thread_pool's scope wait for it. A local io_context that no other thread
// runs runs its handlers inside this thread's own `run()`, never beside the
// code that posted them.
#include <boost/asio.hpp>
#include <pqxx/pqxx>
#include <thread>

namespace asio = boost::asio;

void pool_joined_before_use_ok(pqxx::connection &db) {
  asio::thread_pool pool(1);
  asio::post(pool, [&db] { pqxx::work w(db); });
  pool.join();
  pqxx::work w(db);
}

void pool_used_before_join_bad(pqxx::connection &db) {
  asio::thread_pool pool(2);
  asio::post(pool, [&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'post' while this function keeps using it [sessionlint-shared-across-tasks]
  pqxx::work w(db);
  pool.join();
}

void pool_scope_ends_before_use_ok(pqxx::connection &db) {
  {
    asio::thread_pool pool(2);
    asio::post(pool.get_executor(), [&db] { pqxx::work w(db); });
  }
  pqxx::work w(db);
}

void pool_posts_in_a_loop_bad(pqxx::connection &db) {
  asio::thread_pool pool(4);
  for (int i = 0; i < 4; ++i)
    asio::post(pool, [&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'post' in a loop
  pool.wait();
}

void own_loop_runs_handlers_later_ok(pqxx::connection &db) {
  asio::io_context io;
  asio::post(io, [&db] { pqxx::work w(db); });
  pqxx::work w(db);
  io.run();
}

void loop_run_by_another_thread_bad(pqxx::connection &db) {
  asio::io_context io;
  asio::post(io, [&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'post' while this function keeps using it
  std::thread runner([&io] { io.run(); });
  pqxx::work w(db);
  runner.join();
}

void handed_context_run_here_ok(asio::io_context &io, pqxx::connection &db) {
  asio::post(io, [&db] { pqxx::work w(db); });
  io.run();
  pqxx::work w(db);
}

// A helper that posts to the context it is handed: the task runs on the
// caller's context, and is joined as a post to it would be (Engine.cpp,
// addHelperSites). The helpers are static: one with external linkage is
// also judged where it is (fire-and-forget.cpp, post_parameter_bad).
struct Job {
  pqxx::connection &db;
  void operator()() const { pqxx::work w(db); }
};

static void submit(asio::thread_pool &pool, pqxx::connection &db) {
  asio::post(pool, Job{db});
}

static void enqueue(asio::thread_pool &pool, pqxx::connection &db) { submit(pool, db); }

void helper_pool_joined_before_use_ok(pqxx::connection &db) {
  asio::thread_pool pool(2);
  submit(pool, db);
  pool.join();
  pqxx::work w(db);
}

void helper_pool_used_before_join_bad(pqxx::connection &db) {
  asio::thread_pool pool(2);
  submit(pool, db);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'submit' while this function keeps using it
  pqxx::work w(db);
  pool.join();
}

// Two calls deep; the pool's scope ends first.
void two_deep_pool_scope_ends_ok(pqxx::connection &db) {
  {
    asio::thread_pool pool(2);
    enqueue(pool, db);
  }
  pqxx::work w(db);
}

void two_deep_pool_used_in_scope_bad(pqxx::connection &db) {
  asio::thread_pool pool(2);
  enqueue(pool, db);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'enqueue' while this function keeps using it
  pqxx::work w(db);
}

static void post_to_own_loop(asio::io_context &io, pqxx::connection &db) {
  asio::post(io, [&db] { pqxx::work w(db); });
}

void helper_own_loop_runs_later_ok(pqxx::connection &db) {
  asio::io_context io;
  post_to_own_loop(io, db);
  pqxx::work w(db);
  io.run();
}

// Handed the context and never running it: the handler outlives this
// function, which its caller's `db` does not know.
void helper_handed_context_not_joined_bad(asio::io_context &io, pqxx::connection &db) {
  post_to_own_loop(io, db);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'post_to_own_loop'
}

// A member function of a class in an unnamed namespace is called from this
// file only: its callers judge the task it leaves behind. A virtual one
// may be called through its base from anywhere, so it is judged where it
// is.
namespace {
struct Queue {
  virtual ~Queue() = default;
  virtual void push(asio::thread_pool &pool, pqxx::connection &db) = 0;
};

class Dispatcher : public Queue {
public:
  void enqueue(asio::thread_pool &pool, pqxx::connection &db) { submit(pool, db); }
  void push(asio::thread_pool &pool, pqxx::connection &db) override {
    submit(pool, db);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'submit' while the caller keeps using it
  }
};
} // namespace

void internal_member_helper_pool_scope_ends_ok(pqxx::connection &db) {
  Dispatcher d;
  {
    asio::thread_pool pool(2);
    d.enqueue(pool, db);
  }
  pqxx::work w(db);
}
