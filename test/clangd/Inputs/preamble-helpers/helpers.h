// Helpers defined in a project header. clangd parses the headers of its
// precompiled preamble without function bodies, so there these helpers
// are declarations whose bodies are unknown; the command line sees them.
#pragma once
#include <mutex>
#include <pqxx/pqxx>

struct Shared {
  pqxx::connection db;
  std::mutex mu;
};

inline void close_locked(Shared &s) {
  std::lock_guard<std::mutex> g(s.mu);
  s.db.close();
}

inline void close_unlocked(Shared &s) { s.db.close(); }

// A monitor class: every member function takes the class's own mutex.
class Repo {
public:
  void save() {
    std::lock_guard<std::mutex> g(mu_);
    db_.close();
  }

private:
  std::mutex mu_;
  pqxx::connection db_;
};
