#include <chrono>
#include <pqxx/pqxx>
#include <stop_token>
#include <thread>

void poll(std::stop_token st, std::string dsn) {
  pqxx::connection c(dsn);
  while (!st.stop_requested()) {
    pqxx::nontransaction n(c);
    n.exec("SELECT 1");
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

int main() {
  std::string dsn = "dbname=app";
  pqxx::connection main_conn(dsn);
  std::jthread poller(poll, dsn);
  pqxx::work w(main_conn);
  w.exec("INSERT INTO log VALUES (1)");
  w.commit();
  poller.request_stop();
}
