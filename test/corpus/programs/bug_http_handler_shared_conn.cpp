// HTTP server: one thread per request, all writing through the server's
// single connection.
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

struct Request { std::string path; };

class Server {
public:
  void handle(const Request &req) {
    pqxx::work tx(db_);
    tx.exec("insert into hits values (1)");
    tx.commit();
  }

  void serve(std::vector<Request> &requests) {
    std::vector<std::thread> workers;
    for (auto &req : requests)
      workers.emplace_back([this, &req] { handle(req); db_.is_open(); }); // BUG
    for (auto &w : workers)
      w.join();
  }

private:
  pqxx::connection db_;
};
