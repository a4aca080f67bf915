#include <atomic>
#include <chrono>
#include <pqxx/pqxx>
#include <thread>

class Service {
public:
  Service() : db_("dbname=svc") {}
  void run() {
    running_ = true;
    heartbeat_ = std::thread([this] {
      while (running_) {
        touch(); // BUG
        std::this_thread::sleep_for(std::chrono::seconds(10));
      }
    });
    for (int i = 0; i < 1000; ++i) handle(i);
    running_ = false;
    heartbeat_.join();
  }

private:
  void touch() {
    pqxx::nontransaction n(db_);
    n.exec("UPDATE svc SET alive = now()");
  }
  void handle(int i) {
    pqxx::work w(db_);
    w.exec("INSERT INTO jobs VALUES (" + std::to_string(i) + ")");
    w.commit();
  }
  pqxx::connection db_;
  std::atomic<bool> running_{false};
  std::thread heartbeat_;
};

int main() { Service s; s.run(); }
