#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) {
    auto conn = std::make_shared<pqxx::connection>("dbname=app");
    ts.emplace_back([conn, i] {
      pqxx::work w(*conn);
      w.exec("INSERT INTO t VALUES (" + std::to_string(i) + ")");
      w.commit();
    });
  }
  for (auto &t : ts) t.join();
}
