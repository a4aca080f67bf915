// RUN: %check_sessionlint %s -- %mock_flags
// The seed bug (SPEC section 1) in Boost.Asio and standalone Asio, with the
// full diagnostic of SPEC section 5, and its fixes.
#include <asio.hpp>
#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio_b = boost::asio;

asio_b::awaitable<void> simulate_progress_updates(pqxx::connection &db, int job_id) {
  pqxx::work tx(db);
  co_return;
}
asio_b::awaitable<void> progress_with_own_session(int job_id) {
  pqxx::connection own("dbname=coverage");
  pqxx::work tx(own);
  co_return;
}

asio_b::awaitable<void> seed_bad(asio_b::io_context &ex, int job_id) {
  pqxx::connection db("dbname=coverage");
  asio_b::co_spawn(ex, simulate_progress_updates(db, job_id), asio_b::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'co_spawn' while this function keeps using it [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: task started here
  pqxx::work tx(db);
  // CHECK-NOTES: :[[@LINE-1]]:17: note: 'db' used here while the task may still be running
  // CHECK-NOTES: :[[@LINE-5]]:50: note: give the task its own session (open it inside the task or lease it from a pool), or join the task before using 'db' again
  tx.exec("update jobs set state = 'running'");
  co_return;
}

// The seed's fix: the progress task opens its own session.
asio_b::awaitable<void> seed_fixed_ok(asio_b::io_context &ex, int job_id) {
  pqxx::connection db("dbname=coverage");
  asio_b::co_spawn(ex, progress_with_own_session(job_id), asio_b::detached);
  pqxx::work tx(db);
  co_return;
}

// A plain co_await: the caller waits for the progress coroutine.
asio_b::awaitable<void> direct_co_await_ok(int job_id) {
  pqxx::connection db;
  co_await simulate_progress_updates(db, job_id);
  pqxx::work tx(db);
}

// co_spawn with use_awaitable starts the task when awaited, and the caller
// waits for it: sequential.
asio_b::awaitable<void> co_spawn_use_awaitable_ok(asio_b::io_context &ex, int job_id) {
  pqxx::connection db;
  co_await asio_b::co_spawn(ex, simulate_progress_updates(db, job_id), asio_b::use_awaitable);
  pqxx::work tx(db);
}

// The task is the last user of db in this coroutine: nothing runs beside it
// here (a local session outlived by a detached task is a lifetime problem,
// not sharing).
asio_b::awaitable<void> co_spawn_last_use_ok(asio_b::io_context &ex, int job_id) {
  pqxx::connection db;
  pqxx::work tx(db);
  tx.commit();
  asio_b::co_spawn(ex, simulate_progress_updates(db, job_id), asio_b::detached);
  co_return;
}

// A coroutine lambda capturing the session by reference.
asio_b::awaitable<void> co_spawn_lambda_bad(asio_b::io_context &ex) {
  pqxx::connection db;
  asio_b::co_spawn(ex, [&]() -> asio_b::awaitable<void> { pqxx::work w(db); co_return; }, asio_b::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:72: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'co_spawn' while this function keeps using it [sessionlint-shared-across-tasks]
  db.close();
  co_return;
}

// Standalone Asio spells it asio::co_spawn.
asio::awaitable<void> standalone_progress(pqxx::connection &db) {
  db.close();
  co_return;
}
asio::awaitable<void> standalone_asio_bad(asio::io_context &ex) {
  pqxx::connection db;
  asio::co_spawn(ex, standalone_progress(db), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'co_spawn' while this function keeps using it [sessionlint-shared-across-tasks]
  pqxx::work tx(db);
  co_return;
}

// use_future: the task is joined through the future before db is used.
void co_spawn_use_future_joined_ok(asio_b::io_context &ex) {
  pqxx::connection db;
  auto done = asio_b::co_spawn(ex, simulate_progress_updates(db, 1), asio_b::use_future);
  done.get();
  db.close();
}

void co_spawn_use_future_bad(asio_b::io_context &ex) {
  pqxx::connection db;
  auto done = asio_b::co_spawn(ex, simulate_progress_updates(db, 1), asio_b::use_future);
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'co_spawn' while this function keeps using it [sessionlint-shared-across-tasks]
  db.close();
  done.get();
}

// The coroutine is handed the session but never uses it: nothing is shared
// in fact (its summary is empty).
asio_b::awaitable<void> ignores_session(pqxx::connection &db, int job_id) { co_return; }
asio_b::awaitable<void> coroutine_never_uses_it_ok(asio_b::io_context &ex) {
  pqxx::connection db;
  asio_b::co_spawn(ex, ignores_session(db, 1), asio_b::detached);
  pqxx::work tx(db);
  co_return;
}

// Declared here, defined in another file: what it does with the reference
// is out of view, so it may use it.
asio_b::awaitable<void> defined_elsewhere(pqxx::connection &db);
asio_b::awaitable<void> coroutine_out_of_view_bad(asio_b::io_context &ex) {
  pqxx::connection db;
  asio_b::co_spawn(ex, defined_elsewhere(db), asio_b::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'co_spawn' while this function keeps using it [sessionlint-shared-across-tasks]
  pqxx::work tx(db);
  co_return;
}

// A value parameter that is not a session (the job id) is not sharing.
asio_b::awaitable<void> count_progress(int &counter) { co_return; }
asio_b::awaitable<void> not_a_session_ok(asio_b::io_context &ex) {
  int counter = 0;
  asio_b::co_spawn(ex, count_progress(counter), asio_b::detached);
  ++counter;
  co_return;
}
