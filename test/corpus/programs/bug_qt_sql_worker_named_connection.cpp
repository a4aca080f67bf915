// Qt report exporter: the worker thread looks up the GUI thread's named
// connection instead of adding its own.
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>

void open_main_connection() {
  QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL", "main");
  db.open();
}

class Exporter : public QThread {
protected:
  void run() override {
    QSqlQuery query(QSqlDatabase::database("main")); // BUG
    query.exec("copy report to '/tmp/report.csv'");
  }
};

void export_report(Exporter &exporter) {
  open_main_connection();
  exporter.start();
}
