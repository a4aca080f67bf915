#include <map>
#include <soci/soci.h>
#include <string>
#include <thread>

std::map<std::string, soci::session *> sessions;

void refresh(const std::string &name) {
  soci::session &s = *sessions.at(name);
  s << "UPDATE cache SET stamp = now()";
}

int main() {
  soci::session main_db("postgresql", "dbname=app");
  sessions["main"] = &main_db;
  std::thread t1(refresh, "main"); // BUG
  std::thread t2(refresh, "main");
  t1.join();
  t2.join();
}
