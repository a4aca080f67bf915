#include <pqxx/pqxx>
#include <thread>
#include <functional>
template <class F> void launch(F f) { std::thread(std::move(f)).detach(); }
void launch_fn(std::function<void()> f) { std::thread(std::move(f)).detach(); }
void a_bad(pqxx::connection &c) {
  launch([&c] { pqxx::work w(c); }); // BUG
  pqxx::work w(c);
}
void b_bad(pqxx::connection &c) {
  launch_fn([&c] { pqxx::work w(c); }); // BUG
  pqxx::work w(c);
}
