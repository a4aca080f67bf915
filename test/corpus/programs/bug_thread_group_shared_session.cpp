// Report generator: a boost::thread_group of workers all run queries on
// the one connection they were handed.
#include <boost/thread.hpp>
#include <pqxx/pqxx>

void generate_reports(pqxx::connection &db, int workers) {
  boost::thread_group group;
  for (int i = 0; i < workers; ++i)
    group.create_thread([&db] { // BUG
      pqxx::work tx(db);
      tx.exec("select generate_report()");
    });
  group.join_all();
}
