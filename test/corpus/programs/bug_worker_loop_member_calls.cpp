// Outbox relay: the relay thread's loop calls a member function that
// writes through the service's connection, while request handlers use it.
#include <atomic>
#include <pqxx/pqxx>
#include <thread>

class OutboxRelay {
public:
  void start() {
    relay_ = std::thread([this] {
      while (running_)
        relay_batch(); // BUG
    });
  }
  void enqueue(int event) {
    pqxx::work tx(db_);
    tx.exec("insert into outbox values (1)");
    tx.commit();
  }
  void stop() {
    running_ = false;
    relay_.join();
  }

private:
  void relay_batch() {
    pqxx::work tx(db_);
    tx.exec("delete from outbox returning *");
    tx.commit();
  }
  bool running_ = true;
  pqxx::connection db_;
  std::thread relay_;
};
