// Report generator, fixed: the caller waits for the summary before it
// touches the connection again.
#include <future>
#include <pqxx/pqxx>

int count_rows(pqxx::connection &c) {
  pqxx::work tx(c);
  return tx.exec("select count(*) from sales").size();
}

int build_report() {
  pqxx::connection db("dbname=reports");
  auto summary = std::async(std::launch::async, [&db] { return count_rows(db); });
  int total = summary.get();
  pqxx::work tx(db);
  auto details = tx.exec("select * from sales");
  tx.commit();
  return total + details.size();
}
