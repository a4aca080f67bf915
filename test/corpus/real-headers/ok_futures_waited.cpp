#include <future>
#include <pqxx/pqxx>
#include <string>
#include <vector>

int count_rows(const std::string &dsn, const std::string &table) {
  pqxx::connection c(dsn);
  pqxx::nontransaction n(c);
  return n.exec1("SELECT count(*) FROM " + table)[0].as<int>();
}

int total_rows(pqxx::connection &main, const std::string &dsn, const std::vector<std::string> &tables) {
  std::vector<std::future<int>> parts;
  for (const auto &t : tables)
    parts.push_back(std::async(std::launch::async, count_rows, dsn, t));
  int sum = 0;
  for (auto &p : parts) sum += p.get();
  pqxx::work w(main);
  w.exec("INSERT INTO totals VALUES (" + std::to_string(sum) + ")");
  w.commit();
  return sum;
}
