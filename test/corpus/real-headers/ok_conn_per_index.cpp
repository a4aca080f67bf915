#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

int main() {
  const int n = 4;
  std::vector<std::unique_ptr<pqxx::connection>> conns;
  for (int i = 0; i < n; ++i) conns.push_back(std::make_unique<pqxx::connection>("dbname=x"));
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&conns, i] {
      pqxx::work w(*conns[i]);
      w.exec("SELECT work(" + std::to_string(i) + ")");
      w.commit();
    });
  }
  for (auto &t : threads) t.join();
}
