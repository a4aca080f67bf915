#include "wait.h"
void a() {
  pqxx::connection c;
  std::thread t([&] { work(c); });
  FINISH(t);
  work(c);
}
