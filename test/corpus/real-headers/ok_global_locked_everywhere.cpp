#include <mutex>
#include <pqxx/pqxx>
#include <thread>

pqxx::connection *g_conn;
std::mutex g_mu;

void worker() {
  std::lock_guard<std::mutex> lk(g_mu);
  pqxx::work w(*g_conn);
  w.exec("INSERT INTO t VALUES (1)");
  w.commit();
}

int main() {
  pqxx::connection c("dbname=app");
  g_conn = &c;
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> lk(g_mu);
    pqxx::work w(c);
    w.exec("SELECT 1");
    w.commit();
  }
  t.join();
}
