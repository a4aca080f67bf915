#include <boost/asio.hpp>
#include <pqxx/pqxx>

int main() {
  boost::asio::io_context io;
  pqxx::connection db("dbname=x");
  boost::asio::post(io, [&db] {
    pqxx::work w(db);
    w.exec("SELECT 1");
    w.commit();
  });
  io.run();
  pqxx::work w(db);
  w.exec("SELECT 2");
  w.commit();
}
