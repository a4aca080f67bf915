// Audit logger: each audit record is written by a detached thread through
// the service's session, while the service goes on serving requests.
#include <soci/soci.h>
#include <string>
#include <thread>

class AuditedService {
public:
  void audit(std::string what) {
    std::thread([this, what] { sql_.once("insert into audit values ('x')"); }).detach(); // BUG
  }

  void update_user() {
    audit("update");
    sql_.once("update users set name = 'a'");
  }

private:
  soci::session sql_;
};
