// Notification sender: the handler is posted to the io_context with the
// request's connection, which the request handler keeps using.
#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

void on_order_created(asio::io_context &io, pqxx::connection &db, int order) {
  asio::post(io, [&db, order] { // BUG
    pqxx::work tx(db);
    tx.exec("insert into notifications values (1)");
    tx.commit();
  });
  pqxx::work tx(db);
  tx.exec("update orders set notified = true");
  tx.commit();
}
