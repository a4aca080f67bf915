#include <atomic>
#include <chrono>
#include <iostream>
#include <pqxx/pqxx>
#include <thread>

class Loader {
public:
  Loader() : conn_("dbname=l"), watchdog_(&Loader::watch, this) {}
  ~Loader() {
    stop_ = true;
    watchdog_.join();
  }
  void load() {
    pqxx::work w(conn_);
    w.exec("COPY t FROM '/tmp/x'");
    w.commit();
    ++done_;
  }

private:
  void watch() {
    while (!stop_) {
      std::cout << done_ << "\n";
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }
  pqxx::connection conn_;
  std::atomic<bool> stop_{false};
  std::atomic<int> done_{0};
  std::thread watchdog_;
};

int main() {
  Loader l;
  for (int i = 0; i < 3; ++i) l.load();
}
