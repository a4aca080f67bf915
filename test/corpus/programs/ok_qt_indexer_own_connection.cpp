// Desktop indexer, fixed: the thread opens its own connection in run().
#include <QtCore/QThread>
#include <pqxx/pqxx>

class IndexThread : public QThread {
public:
  explicit IndexThread(const char *dsn) : dsn_(dsn) {}

protected:
  void run() override {
    pqxx::connection db(dsn_);
    pqxx::work tx(db);
    tx.exec("insert into files select * from staging");
    tx.commit();
  }

private:
  const char *dsn_;
};

void on_window_shown(pqxx::connection &db, IndexThread &indexer) {
  indexer.start();
  pqxx::work tx(db);
  tx.exec("select count(*) from files");
}
