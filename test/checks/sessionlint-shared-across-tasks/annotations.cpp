// RUN: %check_sessionlint %s -- %mock_flags -I %S/../../../include
// Users mark their own classes with the annotation macros.
#include <sessionlint/annotations.h>
#include <thread>

class SESSIONLINT_SESSION LegacyDb {
public:
  void exec() {}
};

class SESSIONLINT_THREAD_SAFE SharedPool {
public:
  LegacyDb lease() { return {}; }
};

void annotated_session_bad() {
  LegacyDb db;
  std::thread t([&db] { db.exec(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'LegacyDb' is shared with a task started by 'std::thread'
  db.exec();
  t.join();
}

void annotated_thread_safe_ok() {
  SharedPool pool;
  std::thread t([&pool] { pool.lease().exec(); });
  pool.lease().exec();
  t.join();
}

void lease_inside_task_ok(SharedPool &pool) {
  LegacyDb mine = pool.lease();
  std::thread t([&pool] {
    LegacyDb own = pool.lease();
    own.exec();
  });
  mine.exec();
  t.join();
}
