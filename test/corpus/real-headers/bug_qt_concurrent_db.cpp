#include <QtConcurrent/QtConcurrent>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

int main() {
  QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE");
  db.setDatabaseName("app.db");
  db.open();
  QFuture<void> f = QtConcurrent::run([db]() { // BUG
    QSqlQuery q(db);
    q.exec("DELETE FROM cache");
  });
  f.waitForFinished();
}
