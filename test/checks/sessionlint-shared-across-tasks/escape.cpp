// RUN: %check_sessionlint %s -- %mock_flags
// SPEC rule 3: a detached task reaches a session owned outside the spawning
// function, whose owner keeps using it after the function returns.
#include <boost/asio.hpp>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <thread>

namespace asio = boost::asio;

void detach_parameter_bad(pqxx::connection &db) {
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'std::thread' while the caller keeps using it [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: task started here
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: note: detached here
  // CHECK-NOTES: :[[@LINE-6]]:45: note: 'db' is owned outside this function, which returns while the task runs
}

// Joined: the caller gets db back only after the task is done.
void joined_parameter_ok(pqxx::connection &db) {
  std::thread t([&db] { db.close(); });
  t.join();
}

pqxx::connection global_db;

// A global named in the task body is reached without any capture.
void detach_global_bad() {
  std::thread([] { global_db.close(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'global_db' of type 'pqxx::connection' is shared with a detached task started by 'std::thread' while the caller keeps using it
}

void global_used_after_spawn_bad() {
  std::thread t([] { global_db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: session 'global_db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  pqxx::work tx(global_db);
  t.join();
}

// Joined before the function uses the global again, and before it returns.
void global_joined_ok() {
  std::thread t([] { global_db.close(); });
  t.join();
  pqxx::work tx(global_db);
}

class Service {
public:
  void start_progress_bad(asio::io_context &ex) {
    asio::co_spawn(ex, progress(db_), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: session 'db_' of type 'pqxx::connection' is shared with a detached task started by 'co_spawn' while the caller keeps using it
  }

  // A session leased inside the task is the task's own.
  void start_progress_own_session_ok(asio::io_context &ex) {
    asio::co_spawn(ex, progress_own(), asio::detached);
  }

private:
  static asio::awaitable<void> progress(pqxx::connection &db) {
    pqxx::work tx(db);
    co_return;
  }
  static asio::awaitable<void> progress_own() {
    pqxx::connection own;
    co_return;
  }
  pqxx::connection db_;
};

// A local session handed to a detached task and never used again here: no
// other user exists (its lifetime is another matter, not sharing).
void detach_local_last_use_ok() {
  pqxx::connection db;
  std::thread([c = &db] { c->close(); }).detach();
}

// A local copy of a member's shared_ptr is still the member's session.
class Registry {
public:
  void copy_of_member_escapes_bad() {
    auto db = db_;
    std::thread([db] { db->close(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'std::shared_ptr<pqxx::connection>' is shared with a detached task started by 'std::thread' while the caller keeps using it
  }

private:
  std::shared_ptr<pqxx::connection> db_;
};

// A member used by an escaping task under a lock is fine only when every
// other member function uses it under the same lock.
class Inventory {
public:
  void restock_same_mutex_ok() {
    worker_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(mu_);
      db_.close();
    });
  }
  void sell() {
    std::lock_guard<std::mutex> lock(mu_);
    db_.is_open();
  }

private:
  std::mutex mu_;
  pqxx::connection db_;
  std::thread worker_;
};

class Ledger {
public:
  void post_other_mutex_bad() {
    worker_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(write_mu_);
      db_.close();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session 'db_' of type 'pqxx::connection' is shared with a detached task started by 'std::thread' while the caller keeps using it
    });
  }
  void read() {
    std::lock_guard<std::mutex> lock(read_mu_);
    db_.is_open();
  }

private:
  std::mutex write_mu_, read_mu_;
  pqxx::connection db_;
  std::thread worker_;
};
