#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <pqxx/pqxx>
#include <string>
#include <vector>

void reindex(pqxx::connection &db, const std::vector<std::string> &indexes) {
  boost::asio::thread_pool pool(4);
  for (const auto &ix : indexes) {
    boost::asio::post(pool, [&db, ix] { // BUG
      pqxx::nontransaction n(db);
      n.exec("REINDEX INDEX " + ix);
    });
  }
  pool.join();
}
