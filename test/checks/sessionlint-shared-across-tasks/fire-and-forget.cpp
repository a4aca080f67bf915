// RUN: %check_sessionlint %s -- %mock_flags
// SPEC rules 1 and 3 for fire-and-forget submission: boost::asio::post,
// dispatch, defer and spawn never hand back a way to join, and neither does
// a thread moved into a member. A session owned outside the function is
// still used by the caller after the handler escapes.
#include <boost/asio.hpp>
#include <pqxx/pqxx>
#include <thread>
#include <utility>
#include <vector>

namespace asio = boost::asio;

void post_parameter_bad(asio::io_context &io, pqxx::connection &db) {
  asio::post(io, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'post' while the caller keeps using it [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: task started here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: this function never joins the task
  // CHECK-NOTES: :[[@LINE-5]]:65: note: 'db' is owned outside this function, which returns while the task runs
}

void post_then_use_bad(asio::io_context &io) {
  pqxx::connection db;
  asio::post(io, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'post' while this function keeps using it
  db.close();
  io.run();
}

void post_without_executor_bad(pqxx::connection &db) {
  asio::post([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'post'
}

void dispatch_then_use_bad(asio::io_context &io) {
  pqxx::connection db;
  asio::dispatch(io, [&] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'dispatch'
  pqxx::work tx(db);
}

pqxx::connection shared_db;

void defer_global_bad(asio::io_context &io) {
  asio::defer(io, [] { shared_db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'shared_db' of type 'pqxx::connection' is shared with a detached task started by 'defer'
}

void post_bound_to_strand_bad(asio::io_context &io, pqxx::connection &db) {
  auto strand = asio::make_strand(io);
  asio::post(io, asio::bind_executor(strand, [&db] { db.close(); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'post'
}

void spawn_stackful_bad(asio::io_context &io, pqxx::connection &db) {
  asio::spawn(io, [&db](asio::yield_context) { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'spawn'
}

void post_own_session_ok(asio::io_context &io) {
  asio::post(io, [] {
    pqxx::connection own;
    own.close();
  });
}

void post_moved_session_ok(asio::io_context &io, pqxx::connection conn) {
  asio::post(io, [c = std::move(conn)]() mutable { c.close(); });
}

void post_local_last_use_ok(asio::io_context &io) {
  pqxx::connection db;
  db.close();
  asio::post(io, [&db] { db.close(); });
  io.run();
}

asio::awaitable<void> post_as_awaitable_ok(pqxx::connection &db) {
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  db.close();
}

class Poller {
public:
  void thread_moved_into_member_bad() {
    worker_ = std::thread([this] { db_.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: session 'db_' of type 'pqxx::connection' is shared with a detached task started by 'std::thread'
  }

  void thread_into_member_vector_bad() {
    workers_.emplace_back([this] { db_.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: session 'db_' of type 'pqxx::connection' is shared with a detached task started by 'std::thread'
  }

  void member_thread_own_session_ok() {
    worker_ = std::thread([] {
      pqxx::connection own;
      own.close();
    });
  }

private:
  pqxx::connection db_;
  std::thread worker_;
  std::vector<std::thread> workers_;
};
