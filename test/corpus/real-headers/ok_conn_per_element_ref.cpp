#include <pqxx/pqxx>
#include <list>
#include <thread>
#include <vector>

static void worker(pqxx::connection &c) {
  pqxx::work w(c);
  w.exec("SELECT 1");
  w.commit();
}

int main() {
  std::list<pqxx::connection> conns;
  for (int i = 0; i < 4; ++i) conns.emplace_back("dbname=x");
  std::vector<std::thread> threads;
  for (auto &c : conns) threads.emplace_back(worker, std::ref(c));
  for (auto &t : threads) t.join();
}
