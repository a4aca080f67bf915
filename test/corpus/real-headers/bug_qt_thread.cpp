#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

class Loader : public QThread {
public:
  explicit Loader(QSqlDatabase db) : db_(db) {}
protected:
  void run() override {
    QSqlQuery q(db_);
    q.exec("SELECT * FROM items");
  }
private:
  QSqlDatabase db_;
};

int main() {
  QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE");
  db.setDatabaseName("x.db");
  db.open();
  Loader l(db);
  l.start(); // BUG
  l.wait();
}
