// Qt report exporter, fixed: the worker adds a connection of its own and
// removes it when it is done.
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>

class Exporter : public QThread {
protected:
  void run() override {
    {
      QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL", "exporter");
      db.open();
      QSqlQuery query(db);
      query.exec("copy report to '/tmp/report.csv'");
    }
    QSqlDatabase::removeDatabase("exporter");
  }
};

void export_report(Exporter &exporter) {
  QSqlDatabase::addDatabase("QPSQL", "main").open();
  exporter.start();
}
