#include <future>
#include <pqxx/pqxx>
#include <thread>

int main() {
  pqxx::connection db("dbname=x");
  std::packaged_task<int()> task([&db] { // BUG
    pqxx::nontransaction n(db);
    return n.exec1("SELECT 1")[0].as<int>();
  });
  auto result = task.get_future();
  std::thread t(std::move(task));
  pqxx::work w(db);
  w.commit();
  t.join();
  return result.get();
}
