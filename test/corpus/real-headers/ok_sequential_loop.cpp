#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

void migrate(pqxx::connection &c, const std::vector<std::string> &steps) {
  for (const auto &s : steps) {
    std::thread t([&c, &s] {
      pqxx::work w(c);
      w.exec(s);
      w.commit();
    });
    t.join();
  }
  pqxx::work w(c);
  w.exec("UPDATE schema SET version = version + 1");
  w.commit();
}
