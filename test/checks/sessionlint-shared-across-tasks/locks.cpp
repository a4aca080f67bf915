// RUN: %check_sessionlint %s -- %mock_flags
// SPEC section 4, silence list: every use of the session in the task and
// every concurrent use outside it hold a lock of the same mutex. A lock of
// another mutex, a use outside the lock, or a reader lock is still a bug.
#include <mutex>
#include <pqxx/pqxx>
#include <shared_mutex>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE() {}
  void Unlock() RELEASE() {}
};
class SCOPED_CAPABILITY MutexLock {
public:
  explicit MutexLock(Mutex *m) ACQUIRE(m) : m(m) { m->Lock(); }
  ~MutexLock() RELEASE() { m->Unlock(); }
private:
  Mutex *m;
};

void lock_guard_both_sides_ok() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&db, &m] {
    std::lock_guard<std::mutex> lock(m);
    db.close();
  });
  {
    std::lock_guard<std::mutex> lock(m);
    db.close();
  }
  t.join();
}

void unique_lock_both_sides_ok() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    std::unique_lock<std::mutex> lock(m);
    db.close();
  });
  std::unique_lock<std::mutex> lock(m);
  db.close();
  lock.unlock();
  t.join();
}

void scoped_lock_both_sides_ok() {
  pqxx::connection db;
  std::mutex m, other;
  std::thread t([&] {
    std::scoped_lock lock(m, other);
    db.close();
  });
  {
    std::scoped_lock lock(m);
    db.close();
  }
  t.join();
}

void manual_lock_unlock_ok() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    m.lock();
    db.close();
    m.unlock();
  });
  m.lock();
  db.close();
  m.unlock();
  t.join();
}

void deferred_lock_then_locked_ok() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    std::unique_lock<std::mutex> lock(m, std::defer_lock);
    lock.lock();
    db.close();
  });
  std::lock_guard<std::mutex> lock(m);
  db.close();
  t.join();
}

void adopted_lock_ok() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    m.lock();
    std::lock_guard<std::mutex> lock(m, std::adopt_lock);
    db.close();
  });
  std::lock_guard<std::mutex> lock(m);
  db.close();
  t.join();
}

void different_mutex_bad() {
  pqxx::connection db;
  std::mutex a, b;
  std::thread t([&] {
    std::lock_guard<std::mutex> lock(a);
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  });
  std::lock_guard<std::mutex> lock(b);
  db.close();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'db' used here while the task may still be running
  t.join();
}

void use_outside_the_lock_bad() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    std::lock_guard<std::mutex> lock(m);
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  });
  {
    std::lock_guard<std::mutex> lock(m);
    db.close();
  }
  db.close();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'db' used here while the task may still be running
  t.join();
}

void task_uses_outside_its_lock_bad() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    {
      std::lock_guard<std::mutex> lock(m);
      db.close();
    }
    db.close();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:7: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  std::lock_guard<std::mutex> lock(m);
  db.close();
  t.join();
}

void unlocked_before_use_bad() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    std::lock_guard<std::mutex> lock(m);
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  });
  std::unique_lock<std::mutex> lock(m);
  lock.unlock();
  db.close();
  t.join();
}

void manual_unlock_before_use_bad() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    m.lock();
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
    m.unlock();
  });
  m.lock();
  m.unlock();
  db.close();
  t.join();
}

void deferred_never_locked_bad() {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    std::unique_lock<std::mutex> lock(m, std::defer_lock);
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  });
  std::lock_guard<std::mutex> lock(m);
  db.close();
  t.join();
}

void reader_locks_do_not_exclude_bad() {
  pqxx::connection db;
  std::shared_mutex m;
  std::thread t([&] {
    std::shared_lock<std::shared_mutex> lock(m);
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  });
  std::shared_lock<std::shared_mutex> lock(m);
  db.close();
  t.join();
}

void lock_taken_inside_a_branch_bad(bool flag) {
  pqxx::connection db;
  std::mutex m;
  std::thread t([&] {
    std::lock_guard<std::mutex> lock(m);
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  });
  if (flag)
    m.lock();
  db.close();
  t.join();
}

void overlapping_tasks_same_mutex_ok() {
  pqxx::connection db;
  std::mutex m;
  std::thread a([&] {
    std::lock_guard<std::mutex> lock(m);
    db.close();
  });
  std::thread b([&] {
    std::lock_guard<std::mutex> lock(m);
    db.close();
  });
  a.join();
  b.join();
}

void overlapping_tasks_one_unlocked_bad() {
  pqxx::connection db;
  std::mutex m;
  std::thread a([&] {
    std::lock_guard<std::mutex> lock(m);
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'std::thread' and 'std::thread'
  });
  std::thread b([&] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  a.join();
  db.close();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'db' used here while the task may still be running
  b.join();
}

void loop_of_locked_tasks_ok(int n) {
  pqxx::connection db;
  std::mutex m;
  for (int i = 0; i < n; ++i)
    std::thread([&] {
      std::lock_guard<std::mutex> lock(m);
      db.close();
    }).detach();
}

void loop_of_unlocked_tasks_bad(int n) {
  pqxx::connection db;
  for (int i = 0; i < n; ++i)
    std::thread([&] { db.close(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'std::thread' in a loop
}

class Store {
public:
  void member_mutex_ok() {
    std::thread t([this] {
      std::lock_guard<std::mutex> lock(mu_);
      db_.close();
    });
    {
      std::lock_guard<std::mutex> lock(mu_);
      db_.close();
    }
    t.join();
  }

  void member_mutex_missing_outside_bad() {
    std::thread t([this] {
      std::lock_guard<std::mutex> lock(mu_);
      db_.close();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'std::thread'
    });
    db_.close();
    t.join();
  }

  void requires_annotation_ok() {
    std::thread t([this] {
      MutexLock lock(&amu_);
      db_.close();
    });
    write_locked();
    t.join();
  }

  void scoped_capability_other_mutex_bad() {
    std::thread t([this] {
      MutexLock lock(&amu_);
      db_.close();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'std::thread'
    });
    MutexLock lock(&other_);
    db_.close();
    t.join();
  }

private:
  void write_locked() REQUIRES(amu_) { db_.close(); }
  std::mutex mu_;
  Mutex amu_, other_;
  pqxx::connection db_;
};

class Guarded {
public:
  // clang's -Wthread-safety proves every access of db_ holds mu_.
  void guarded_by_member_ok() {
    std::thread t([this] {
      MutexLock lock(&mu_);
      db_.close();
    });
    MutexLock lock(&mu_);
    db_.close();
    t.join();
  }

private:
  Mutex mu_;
  pqxx::connection db_ GUARDED_BY(mu_);
};

// A use inside a member function that is only ever called under the lock
// is guarded: the caller's summary holds the lock around the call (this
// was a known false positive while uses were read lexically).
class Journal {
public:
  void start() {
    worker_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(mu_);
      db_.close();
    });
  }
  void use_in_callee_of_locked_code_ok() {
    std::lock_guard<std::mutex> lock(mu_);
    write_locked();
  }

private:
  void write_locked() { db_.is_open(); }
  std::mutex mu_;
  pqxx::connection db_;
  std::thread worker_;
};

// The same helper also called without the lock: unguarded again.
class JournalUnlocked {
public:
  void start() {
    worker_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(mu_);
      db_.close();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session 'db_' of type 'pqxx::connection' is shared with a detached task started by 'std::thread' while the caller keeps using it
    });
  }
  void locked() {
    std::lock_guard<std::mutex> lock(mu_);
    write();
  }
  void unlocked_bad() { write(); }

private:
  void write() { db_.is_open(); }
  std::mutex mu_;
  pqxx::connection db_;
  std::thread worker_;
};
