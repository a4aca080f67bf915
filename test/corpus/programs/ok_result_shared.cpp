// Report renderer: the query result is immutable and shared by the render
// threads; the connection is not.
#include <pqxx/pqxx>
#include <thread>
#include <vector>

int render_pages(pqxx::connection &db, int pages) {
  pqxx::work tx(db);
  pqxx::result rows = tx.exec("select * from report");
  tx.commit();
  std::vector<std::thread> renderers;
  for (int p = 0; p < pages; ++p)
    renderers.emplace_back([&rows] { (void)rows.size(); });
  for (auto &r : renderers)
    r.join();
  return rows.size();
}
