#include <future>
#include <pqxx/pqxx>
#include <string>
#include <vector>

std::vector<int> counts(const std::string &dsn, const std::vector<std::string> &tables) {
  std::vector<std::future<int>> fs;
  for (auto &t : tables)
    fs.push_back(std::async(std::launch::async, [dsn, t] {
      pqxx::connection c(dsn);
      pqxx::nontransaction n(c);
      return n.exec1("SELECT count(*) FROM " + t)[0].as<int>();
    }));
  std::vector<int> out;
  for (auto &f : fs) out.push_back(f.get());
  return out;
}
