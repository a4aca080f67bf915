#include <QtConcurrent/QtConcurrent>
#include <soci/soci.h>

int main() {
  soci::session sql("postgresql", "dbname=x");
  QFuture<void> f = QtConcurrent::run([&sql] { sql << "REINDEX TABLE big"; }); // BUG
  sql << "SELECT 1";
  f.waitForFinished();
}
