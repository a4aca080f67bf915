// RUN: %check_sessionlint %s -- %real_flags
// Real headers: libstdc++'s parallel algorithms, oneTBB 2021, OpenMP and
// Boost.Asio 1.74's post/dispatch/defer, with libpqxx. The names differ from
// the mocks' (tbb::detail::d1, __pstl::execution, SFINAE default arguments);
// this is where a mismatch would show.
#include <algorithm>
#include <boost/asio.hpp>
#include <execution>
#include <mutex>
#include <pqxx/pqxx>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/task_group.h>
#include <thread>
#include <vector>

namespace asio = boost::asio;

void for_each_par_bad(pqxx::connection &db, std::vector<int> &ids) {
  std::for_each(std::execution::par, ids.begin(), ids.end(), [&db](int) { pqxx::work tx(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'std::for_each' runs in parallel [sessionlint-shared-across-tasks]
}

void for_each_par_unseq_own_ok(std::vector<int> &ids) {
  std::for_each(std::execution::par_unseq, ids.begin(), ids.end(), [](int) { pqxx::connection own; });
}

void tbb_parallel_for_bad(pqxx::connection &db, int n) {
  tbb::parallel_for(0, n, [&db](int) { pqxx::work tx(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'tbb::parallel_for' runs in parallel
}

void tbb_parallel_invoke_bad(pqxx::connection &db) {
  tbb::parallel_invoke([&db] { pqxx::work tx(db); }, [&db] { pqxx::work tx(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'tbb::parallel_invoke' runs in parallel
}

void tbb_task_group_waited_ok(pqxx::connection &db) {
  tbb::task_group g;
  g.run([&db] { pqxx::work tx(db); });
  g.wait();
  pqxx::work tx(db);
}

void openmp_parallel_for_bad(pqxx::connection &db, int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    pqxx::nontransaction tx(db);
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'omp parallel for' runs in parallel
  }
}

void openmp_critical_ok(pqxx::connection &db, int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
#pragma omp critical
    { pqxx::nontransaction tx(db); }
  }
}

void post_bad(asio::io_context &io, pqxx::connection &db) {
  asio::post(io, [&db] { pqxx::work tx(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'post' while the caller keeps using it
}

void dispatch_on_strand_then_use_bad(asio::io_context &io) {
  pqxx::connection db;
  auto strand = asio::make_strand(io);
  asio::dispatch(io.get_executor(), asio::bind_executor(strand, [&db] { pqxx::work tx(db); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:67: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'dispatch' while this function keeps using it
  pqxx::work tx(db);
}

void post_own_connection_ok(asio::io_context &io) {
  asio::post(io, [] { pqxx::connection own; pqxx::work tx(own); });
}

void locks_both_sides_ok(pqxx::connection &db) {
  std::mutex m;
  std::thread t([&] {
    std::scoped_lock lock(m);
    pqxx::work tx(db);
  });
  {
    std::unique_lock lock(m);
    pqxx::work tx(db);
  }
  t.join();
}
