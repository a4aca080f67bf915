// RUN: %check_sessionlint %s -- %mock_flags
// What a function does with a session is what its summary says, at any
// depth of calls: a use in a callee is a use at the call, a lock a callee
// takes guards what it touches, a task that runs a named function reaches
// what that function reaches, and an accessor returns the same session
// wherever it is called (docs/design/concurrency-model.md, "Summaries").
#include <mutex>
#include <pqxx/pqxx>
#include <pthread.h>
#include <thread>

// --- a helper called by the task locks the session's own mutex -------------
struct Inventory {
  std::mutex mu;
  pqxx::connection db;
  int restocks = 0;
};

void restock_locked(Inventory &inv) {
  std::lock_guard<std::mutex> lock(inv.mu);
  pqxx::work tx(inv.db);
}
void restock_unlocked(Inventory &inv) { pqxx::work tx(inv.db); }

void helper_locks_inventory_ok() {
  Inventory inv;
  std::thread t([&inv] { restock_locked(inv); });
  restock_locked(inv);
  t.join();
}

void helper_without_lock_bad() {
  Inventory inv;
  std::thread t([&inv] { restock_unlocked(inv); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'inv' of type 'Inventory' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  restock_locked(inv);
  t.join();
}

// Two calls deep, the lock in the outer helper.
void count_restock(Inventory &inv) { restock_unlocked(inv); }
void count_restock_locked(Inventory &inv) {
  std::scoped_lock lock(inv.mu);
  count_restock(inv);
}
void lock_two_calls_up_ok() {
  Inventory inv;
  std::thread t([&inv] { count_restock_locked(inv); });
  count_restock_locked(inv);
  t.join();
}

// The task only counts: the connection is not what it touches.
void task_touches_counter_only_ok() {
  Inventory inv;
  std::thread t([&inv] { ++inv.restocks; });
  restock_unlocked(inv);
  t.join();
}

// --- a monitor class: every member function that touches the session locks -
class Counter {
public:
  void incr() {
    std::scoped_lock lock(mu_);
    pqxx::work tx(db_);
  }
  int read() {
    std::lock_guard<std::mutex> lock(mu_);
    return db_.is_open() ? 1 : 0;
  }
  void reset_unlocked() { db_.close(); }

private:
  std::mutex mu_;
  pqxx::connection db_;
};

void monitor_shared_by_tasks_ok() {
  Counter c;
  std::thread a([&c] { c.incr(); });
  std::thread b([&c] { c.incr(); });
  (void)c.read();
  a.join();
  b.join();
}

void monitor_member_without_lock_bad() {
  Counter c;
  std::thread a([&c] { c.incr(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'c' of type 'Counter' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  c.reset_unlocked();
  a.join();
}

// --- a use in a function the spawner calls after the spawn -----------------
void vacuum(pqxx::connection &c) { c.close(); }
struct Maintenance {
  void run(pqxx::connection &c) { vacuum(c); }
};

void use_in_callee_after_spawn_bad() {
  pqxx::connection db;
  std::thread t([&db] { db.is_open(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'db' used here while the task may still be running
  Maintenance().run(db);
  t.join();
}

void callee_after_join_ok() {
  pqxx::connection db;
  std::thread t([&db] { db.is_open(); });
  t.join();
  Maintenance().run(db);
}

// A callee that is handed the session and never touches it.
void log_only(pqxx::connection &, const char *) {}
void callee_does_not_use_it_ok() {
  pqxx::connection db;
  std::thread t([&db] { db.is_open(); });
  log_only(db, "started");
  t.join();
}

// --- named thread functions: what they reach, globals included -------------
pqxx::connection g_orders;

void place_order() {
  pqxx::work tx(g_orders);
  tx.commit();
}
void thread1() { place_order(); }
void thread2() {
  pqxx::work tx(g_orders);
}

void two_named_threads_bad() {
  std::thread t1(thread1);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'g_orders' of type 'pqxx::connection' is shared by overlapping tasks started by 'std::thread' and 'std::thread' [sessionlint-shared-across-tasks]
  std::thread t2(thread2);
  t1.join();
  t2.join();
}

void named_thread_then_main_loop_bad() {
  std::thread t(&thread1);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'g_orders' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  place_order();
  t.join();
}

void named_threads_one_after_the_other_ok() {
  std::thread t1(thread1);
  t1.join();
  std::thread t2(thread2);
  t2.join();
}

// A function object's operator() and a member function pointer.
struct OrderPlacer {
  void operator()() const { place_order(); }
  void run() { place_order(); }
};

void function_object_bad() {
  std::thread t(OrderPlacer{});
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'g_orders' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  thread2();
  t.join();
}

void member_function_pointer_on_object_bad() {
  OrderPlacer p;
  std::thread t(&OrderPlacer::run, &p);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'g_orders' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  place_order();
  t.join();
}

// pthread_create with a named start routine reaching the global.
void *pthread_worker(void *) {
  place_order();
  return nullptr;
}
void pthread_named_worker_bad() {
  pthread_t tid;
  pthread_create(&tid, nullptr, pthread_worker, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: session 'g_orders' of type 'pqxx::connection' is shared with a task started by 'pthread_create' while this function keeps using it [sessionlint-shared-across-tasks]
  thread2();
  pthread_join(tid, nullptr);
}

// --- singletons and accessors ----------------------------------------------
class Manager {
public:
  static Manager *instance() {
    static Manager m;
    return &m;
  }
  pqxx::connection &database() { return db_; }
  int &jobs() { return jobs_; }

private:
  pqxx::connection db_;
  int jobs_ = 0;
};

void refresh() { Manager::instance()->database().close(); }

void singleton_accessor_bad() {
  std::thread t([] { refresh(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  pqxx::work tx(Manager::instance()->database());
  t.join();
}

void singleton_other_field_ok() {
  std::thread t([] { ++Manager::instance()->jobs(); });
  pqxx::work tx(Manager::instance()->database());
  t.join();
}
