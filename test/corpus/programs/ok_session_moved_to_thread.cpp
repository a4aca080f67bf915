// Archiver: the connection is handed over to the archiving thread for good.
#include <pqxx/pqxx>
#include <thread>
#include <utility>

void archive(pqxx::connection c) {
  pqxx::work tx(c);
  tx.exec("insert into archive select * from events");
  tx.commit();
}

void start_archiver() {
  pqxx::connection db("dbname=events");
  std::thread archiver(archive, std::move(db));
  archiver.join();
}
