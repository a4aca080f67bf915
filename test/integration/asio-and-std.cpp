// RUN: %check_sessionlint %s -- %real_flags
// Real headers: Boost.Asio 1.74 co_spawn with each completion token,
// libstdc++'s std::async, std::jthread and futures, and helpers, with
// libpqxx.
#include <boost/asio.hpp>
#include <future>
#include <pqxx/pqxx>
#include <thread>
#include <utility>
#include <vector>

namespace asio = boost::asio;

asio::awaitable<void> progress(pqxx::connection &db) {
  pqxx::work tx(db);
  co_return;
}

void use_future_waited_ok(asio::io_context &io) {
  pqxx::connection db;
  auto f = asio::co_spawn(io, progress(db), asio::use_future);
  f.get();
  pqxx::work tx(db);
}

void use_future_used_before_get_bad(asio::io_context &io) {
  pqxx::connection db;
  auto f = asio::co_spawn(io, progress(db), asio::use_future);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'co_spawn' while this function keeps using it [sessionlint-shared-across-tasks]
  pqxx::work tx(db);
  f.get();
}

asio::awaitable<void> use_awaitable_ok() {
  pqxx::connection db;
  auto ex = co_await asio::this_coro::executor;
  co_await asio::co_spawn(ex, progress(db), asio::use_awaitable);
  pqxx::work tx(db);
}

asio::awaitable<void> detached_then_used_bad() {
  pqxx::connection db;
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(ex, progress(db), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'co_spawn'
  pqxx::work tx(db);
}

void futures_in_vector_bad(pqxx::connection &db, int n) {
  std::vector<std::future<void>> pending;
  for (int i = 0; i < n; ++i) {
    auto f = std::async(std::launch::async, [&db] { pqxx::work tx(db); });
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'std::async' in a loop
    pending.push_back(std::move(f));
  }
  for (auto &f : pending)
    f.get();
}

void jthread_scope_ok(pqxx::connection &db) {
  {
    std::jthread t([&db] { pqxx::work tx(db); });
  }
  pqxx::work tx(db);
}

void start(pqxx::connection &c) {
  std::thread([&c] { pqxx::work tx(c); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'c' of type 'pqxx::connection' is shared with a detached task started by 'std::thread'
}

void helper_bad() {
  pqxx::connection db;
  start(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'start'
  pqxx::work tx(db);
}

void join_all(std::vector<std::thread> &threads) {
  for (auto &t : threads)
    t.join();
}

void joined_by_helper_ok(pqxx::connection &db) {
  std::vector<std::thread> threads;
  threads.emplace_back([&db] { pqxx::work tx(db); });
  join_all(threads);
  pqxx::work tx(db);
}
