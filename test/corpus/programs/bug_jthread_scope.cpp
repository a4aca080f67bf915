// Exporter: a jthread writes the export log while the exporter reads rows;
// the jthread only joins at the end of the scope.
#include <SQLiteCpp/SQLiteCpp.h>
#include <thread>

void export_rows() {
  SQLite::Database db("export.db");
  std::jthread logger([&db] { db.exec("insert into log values ('start')"); }); // BUG
  SQLite::Statement rows(db, "select * from items");
  while (rows.executeStep()) {
  }
}
