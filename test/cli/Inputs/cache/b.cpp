#include "wait.h"
void b() {
  pqxx::connection c;
  std::thread t([&] { work(c); });
  FINISH(t);
  work(c);
}
