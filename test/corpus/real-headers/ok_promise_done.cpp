#include <future>
#include <pqxx/pqxx>
#include <thread>

int main() {
  pqxx::connection db("dbname=x");
  std::promise<void> done;
  std::future<void> finished = done.get_future();
  std::thread([&db, &done] {
    pqxx::work w(db);
    w.exec("SELECT warmup()");
    w.commit();
    done.set_value();
  }).detach();
  finished.wait();
  pqxx::work w(db);
  w.exec("SELECT 1");
  w.commit();
}
