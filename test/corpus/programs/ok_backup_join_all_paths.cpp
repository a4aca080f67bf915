// Backup job, fixed: the verifier is joined on both paths before the
// connection is used again.
#include <pqxx/pqxx>
#include <thread>

bool run_backup(pqxx::connection &db, bool ok) {
  std::thread verifier([&db] {
    pqxx::work tx(db);
    tx.exec("select checksum from backups");
  });
  verifier.join();
  if (ok)
    return true;
  pqxx::work tx(db);
  tx.exec("insert into backup_errors values (1)");
  tx.commit();
  return false;
}
