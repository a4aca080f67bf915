// Input of test/engine/summaries.test: what the summaries record, one fact
// per function.
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

struct Inventory {
  std::mutex mu;
  pqxx::connection db;
};

// A use under the parameter's own mutex: the lockset names inv.mu.
void guarded(Inventory &inv) {
  std::lock_guard<std::mutex> g(inv.mu);
  inv.db.close();
}

// The same use without it.
void bare(Inventory &inv) { inv.db.close(); }

// Two levels down: the caller's summary holds the callee's use, translated
// to the caller's names, with the lock the callee takes.
void through_helper(Inventory &stock) { guarded(stock); }

// Recursion: the fixed point reaches the use through the cycle and stops.
void ping(Inventory &inv, int n);
void pong(Inventory &inv, int n) { ping(inv, n - 1); }
void ping(Inventory &inv, int n) {
  if (n > 0)
    pong(inv, n);
  else
    bare(inv);
}

// An accessor of a global: the same session wherever it is called.
pqxx::connection global_db;
pqxx::connection &database() { return global_db; }
void via_accessor() { database().close(); }

// A store that outlives the call.
std::vector<pqxx::connection *> cache;
void remember(pqxx::connection &c) { cache.push_back(&c); }

// Ten calls of one helper: its summary is computed once, not per call.
void many_calls(Inventory &inv) {
  guarded(inv); guarded(inv); guarded(inv); guarded(inv); guarded(inv);
  guarded(inv); guarded(inv); guarded(inv); guarded(inv); guarded(inv);
}

// Task reach: a lambda calling the guarded helper, and a named function
// using the global; the spawning function uses both after the spawn.
void thread_fn() { global_db.close(); }
void spawns(Inventory &inv) {
  std::thread t([&inv] { guarded(inv); });
  guarded(inv);
  t.join();
  std::thread u(thread_fn);
  via_accessor();
  u.join();
}
