#include <mutex>
#include <pqxx/pqxx>
#include <thread>

int main() {
  pqxx::connection c("dbname=app");
  std::mutex m;
  std::thread t([&] {
    std::unique_lock<std::mutex> lk(m, std::defer_lock);
    lk.lock();
    pqxx::work w(c);
    w.exec("SELECT 1");
    w.commit();
  });
  {
    std::unique_lock<std::mutex> lk(m, std::defer_lock);
    lk.lock();
    pqxx::work w(c);
    w.exec("SELECT 2");
    w.commit();
  }
  t.join();
}
