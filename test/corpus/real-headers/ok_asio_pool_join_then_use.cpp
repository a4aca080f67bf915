#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <pqxx/pqxx>

void nightly(pqxx::connection &db) {
  boost::asio::thread_pool pool(1);
  boost::asio::post(pool, [&db] {
    pqxx::nontransaction n(db);
    n.exec("VACUUM");
  });
  pool.join();
  pqxx::work w(db);
  w.exec("UPDATE meta SET vacuumed = now()");
  w.commit();
}
