// Desktop indexer: a QThread subclass indexes files in the background
// while the window's search box queries the same connection.
#include <QtCore/QThread>
#include <pqxx/pqxx>
#include <string>

class IndexThread : public QThread {
public:
  explicit IndexThread(pqxx::connection &db) : db_(db) {}
  void search(const std::string &term) {
    pqxx::work tx(db_);
    tx.exec("select path from files where name like term");
  }

protected:
  void run() override {
    pqxx::work tx(db_);
    tx.exec("insert into files select * from staging");
    tx.commit();
  }

private:
  pqxx::connection &db_;
};

void on_window_shown(pqxx::connection &db, IndexThread &indexer) {
  indexer.start(); // BUG
  indexer.search("report");
}
