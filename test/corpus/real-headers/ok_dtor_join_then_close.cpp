#include <atomic>
#include <chrono>
#include <libpq-fe.h>
#include <mutex>
#include <thread>

class Poller {
public:
  Poller() : conn_(PQconnectdb("dbname=p")), worker_([this] { loop(); }) {}
  ~Poller() {
    running_ = false;
    worker_.join();
    PQfinish(conn_);
  }
  void ping() {
    std::lock_guard<std::mutex> lk(mu_);
    PQclear(PQexec(conn_, "SELECT 1"));
  }

private:
  void loop() {
    while (running_) {
      {
        std::lock_guard<std::mutex> lk(mu_);
        PQclear(PQexec(conn_, "SELECT poll()"));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  std::mutex mu_;
  PGconn *conn_;
  std::atomic<bool> running_{true};
  std::thread worker_;
};

int main() {
  Poller p;
  for (int i = 0; i < 10; ++i) p.ping();
}
