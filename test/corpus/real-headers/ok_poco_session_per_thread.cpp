#include <Poco/Data/Session.h>
#include <Poco/Data/SQLite/Connector.h>
#include <thread>
#include <vector>

using namespace Poco::Data::Keywords;

int main() {
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session admin("SQLite", "app.db");
  admin << "CREATE TABLE IF NOT EXISTS t (v INTEGER)", now;
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; ++i)
    ts.emplace_back([i] {
      Poco::Data::Session s("SQLite", "app.db");
      int v = i;
      s << "INSERT INTO t VALUES (?)", use(v), now;
    });
  for (auto &t : ts) t.join();
  admin << "VACUUM", now;
}
