#include <QtConcurrent/QtConcurrent>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtCore/QThread>
#include <QtCore/QString>

static int countRows(const QString &table) {
  const QString name = QString("worker-%1").arg(quintptr(QThread::currentThreadId()));
  int n = 0;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
    db.setDatabaseName("app.db");
    if (db.open()) {
      QSqlQuery q(db);
      q.exec("SELECT count(*) FROM " + table);
      if (q.next()) n = q.value(0).toInt();
    }
  }
  QSqlDatabase::removeDatabase(name);
  return n;
}

int main() {
  QFuture<int> a = QtConcurrent::run(countRows, QString("a"));
  QFuture<int> b = QtConcurrent::run(countRows, QString("b"));
  return a.result() + b.result();
}
