// Exporter, fixed: the logging jthread lives in an inner scope, which joins
// it before the rows are read.
#include <SQLiteCpp/SQLiteCpp.h>
#include <thread>

void export_rows() {
  SQLite::Database db("export.db");
  {
    std::jthread logger([&db] { db.exec("insert into log values ('start')"); });
  }
  SQLite::Statement rows(db, "select * from items");
  while (rows.executeStep()) {
  }
}
