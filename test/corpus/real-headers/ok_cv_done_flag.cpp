#include <pqxx/pqxx>
#include <condition_variable>
#include <mutex>
#include <thread>

int main() {
  pqxx::connection conn("dbname=reports");
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread builder([&] {
    {
      pqxx::work tx(conn);
      tx.exec("REFRESH MATERIALIZED VIEW daily");
      tx.commit();
    }
    std::lock_guard<std::mutex> g(m);
    done = true;
    cv.notify_one();
  });
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [&] { return done; });
  }
  builder.join();
  pqxx::work tx(conn);
  tx.exec("SELECT * FROM daily");
}
