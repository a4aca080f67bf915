#include <future>
#include <pqxx/pqxx>
#include <string>
#include <vector>

int count_rows(pqxx::connection &c, const std::string &table) {
  pqxx::nontransaction n(c);
  return n.exec1("SELECT count(*) FROM " + table)[0].as<int>();
}

int total_rows(const std::vector<std::string> &tables) {
  pqxx::connection c;
  std::vector<std::future<int>> parts;
  for (const auto &t : tables)
    parts.push_back(std::async(std::launch::async, count_rows, std::ref(c), t)); // BUG
  int sum = 0;
  for (auto &p : parts) sum += p.get();
  return sum;
}
