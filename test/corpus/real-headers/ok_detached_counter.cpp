#include <atomic>
#include <chrono>
#include <iostream>
#include <pqxx/pqxx>
#include <thread>

class Importer {
public:
  Importer() : conn_("dbname=imp") {}
  void run() {
    std::thread([this] {
      for (;;) {
        std::cout << "imported " << rows_.load() << "\n";
        std::this_thread::sleep_for(std::chrono::seconds(1));
      }
    }).detach();
    for (int i = 0; i < 100000; ++i) {
      pqxx::work w(conn_);
      w.exec("INSERT INTO t VALUES (1)");
      w.commit();
      ++rows_;
    }
  }

private:
  pqxx::connection conn_;
  std::atomic<long> rows_{0};
};

int main() { Importer i; i.run(); }
