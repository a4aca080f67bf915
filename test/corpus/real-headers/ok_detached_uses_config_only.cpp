#include <pqxx/pqxx>
#include <string>
#include <thread>

class Reporter {
public:
  explicit Reporter(std::string dsn) : dsn_(std::move(dsn)), conn_(dsn_) {}
  void start_nightly() {
    std::thread([this] {
      pqxx::connection own(dsn_);
      pqxx::work tx(own);
      tx.exec("CALL nightly_rollup()");
      tx.commit();
    }).detach();
  }
  void record(int v) {
    pqxx::work tx(conn_);
    tx.exec("INSERT INTO samples VALUES (" + std::to_string(v) + ")");
    tx.commit();
  }
private:
  std::string dsn_;
  pqxx::connection conn_;
};

int main() {
  static Reporter r("dbname=stats");
  r.start_nightly();
  for (int i = 0; i < 3; ++i) r.record(i);
}
