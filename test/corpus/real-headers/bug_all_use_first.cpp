#include <memory>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

int main() {
  std::vector<std::unique_ptr<pqxx::connection>> conns;
  for (int i = 0; i < 4; ++i) conns.push_back(std::make_unique<pqxx::connection>("dbname=x"));
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&conns] { // BUG
      pqxx::work w(*conns.front());
      w.commit();
    });
  for (auto &t : threads) t.join();
}
