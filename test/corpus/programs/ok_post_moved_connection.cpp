// Notification sender: the handler owns a connection moved into it.
#include <boost/asio.hpp>
#include <pqxx/pqxx>
#include <utility>

namespace asio = boost::asio;

void on_order_created(asio::io_context &io, int order) {
  pqxx::connection notify_db("dbname=notify");
  asio::post(io, [db = std::move(notify_db), order]() mutable {
    pqxx::work tx(db);
    tx.exec("insert into notifications values (1)");
    tx.commit();
  });
}
