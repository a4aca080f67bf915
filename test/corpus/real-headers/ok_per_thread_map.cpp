#include <map>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

class PerThreadConnections {
public:
  pqxx::connection &get() {
    std::lock_guard<std::mutex> lk(mu_);
    auto &slot = conns_[std::this_thread::get_id()];
    if (!slot) slot = std::make_unique<pqxx::connection>("dbname=x");
    return *slot;
  }

private:
  std::mutex mu_;
  std::map<std::thread::id, std::unique_ptr<pqxx::connection>> conns_;
};

int main() {
  PerThreadConnections pc;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&pc] {
      pqxx::work w(pc.get());
      w.exec("SELECT 1");
      w.commit();
    });
  for (auto &t : ts) t.join();
}
