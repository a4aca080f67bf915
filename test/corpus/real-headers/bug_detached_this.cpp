#include <chrono>
#include <pqxx/pqxx>
#include <thread>

class Reporter {
public:
  Reporter() : conn_("dbname=r") {}
  void start() {
    std::thread([this] {
      for (;;) {
        pqxx::nontransaction n(conn_);
        n.exec("INSERT INTO pings DEFAULT VALUES");
        std::this_thread::sleep_for(std::chrono::seconds(1));
      }
    }).detach();
  }
  int total() {
    pqxx::nontransaction n(conn_);
    return n.exec1("SELECT count(*) FROM pings")[0].as<int>();
  }

private:
  pqxx::connection conn_;
};

int main() {
  Reporter r;
  r.start(); // BUG
  return r.total();
}
