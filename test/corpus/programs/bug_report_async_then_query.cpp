// Report generator: the summary runs with std::async while the caller keeps
// using the same transaction's connection for the detail rows.
#include <future>
#include <pqxx/pqxx>

int count_rows(pqxx::connection &c) {
  pqxx::work tx(c);
  return tx.exec("select count(*) from sales").size();
}

int build_report() {
  pqxx::connection db("dbname=reports");
  auto summary = std::async(std::launch::async, [&db] { return count_rows(db); }); // BUG
  pqxx::work tx(db);
  auto details = tx.exec("select * from sales");
  tx.commit();
  return summary.get() + details.size();
}
