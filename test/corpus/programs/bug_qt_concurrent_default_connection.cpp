// Thumbnail cache: QtConcurrent jobs record results through the default
// connection, which belongs to the GUI thread.
#include <QtConcurrent/QtConcurrent>
#include <QtSql/QSqlDatabase>

void record_thumbnail(int id) {
  QSqlQuery query; // BUG
  query.exec("update thumbs set done = 1");
}

void generate_all(int count) {
  QSqlDatabase::addDatabase("QSQLITE").open();
  QFuture<void> job = QtConcurrent::run([count] {
    for (int i = 0; i < count; ++i)
      record_thumbnail(i);
  });
  job.waitForFinished();
}
