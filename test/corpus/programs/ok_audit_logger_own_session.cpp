// Audit logger, fixed: the detached writer opens its own session.
#include <soci/soci.h>
#include <string>
#include <thread>

class AuditedService {
public:
  void audit(std::string what) {
    std::thread([what] {
      soci::session audit_sql("postgresql://audit");
      audit_sql.once("insert into audit values ('x')");
    }).detach();
  }

  void update_user() {
    audit("update");
    sql_.once("update users set name = 'a'");
  }

private:
  soci::session sql_;
};
