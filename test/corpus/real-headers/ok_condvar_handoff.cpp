#include <condition_variable>
#include <mutex>
#include <pqxx/pqxx>
#include <thread>

int main() {
  pqxx::connection c("dbname=app");
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread worker([&] {
    {
      pqxx::work w(c);
      w.exec("VACUUM");
      w.commit();
    }
    std::lock_guard<std::mutex> lk(m);
    done = true;
    cv.notify_one();
  });
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [&] { return done; });
  }
  pqxx::work w(c);
  w.exec("SELECT 1");
  worker.join();
}
