#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <pqxx/pqxx>
#include <string>
#include <vector>

void reindex(const std::string &dsn, const std::vector<std::string> &indexes) {
  boost::asio::thread_pool pool(4);
  for (const auto &ix : indexes) {
    boost::asio::post(pool, [dsn, ix] {
      pqxx::connection db(dsn);
      pqxx::nontransaction n(db);
      n.exec("REINDEX INDEX " + ix);
    });
  }
  pool.join();
  pqxx::connection db(dsn);
  pqxx::work w(db);
  w.exec("ANALYZE");
  w.commit();
}
