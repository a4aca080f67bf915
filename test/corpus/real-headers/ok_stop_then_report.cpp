#include <atomic>
#include <chrono>
#include <pqxx/pqxx>
#include <thread>

class Collector {
public:
  Collector() : db_("dbname=c") {}
  void start() {
    running_ = true;
    worker_ = std::thread([this] {
      while (running_) {
        pqxx::work w(db_);
        w.exec("INSERT INTO samples DEFAULT VALUES");
        w.commit();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  void stop() {
    running_ = false;
    if (worker_.joinable()) worker_.join();
  }
  long report() {
    pqxx::nontransaction n(db_);
    return n.exec1("SELECT count(*) FROM samples")[0].as<long>();
  }
private:
  pqxx::connection db_;
  std::atomic<bool> running_{false};
  std::thread worker_;
};

int main() {
  Collector c;
  c.start();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  c.stop();
  return static_cast<int>(c.report());
}
