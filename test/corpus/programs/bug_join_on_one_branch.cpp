// Backup job: the verifier is joined only on the success path; on the
// failure path the job writes the error through the shared connection.
#include <pqxx/pqxx>
#include <thread>

bool run_backup(pqxx::connection &db, bool ok) {
  std::thread verifier([&db] { // BUG
    pqxx::work tx(db);
    tx.exec("select checksum from backups");
  });
  if (ok) {
    verifier.join();
    return true;
  }
  pqxx::work tx(db);
  tx.exec("insert into backup_errors values (1)");
  tx.commit();
  verifier.join();
  return false;
}
