#pragma once
#include <pqxx/pqxx>
#include <thread>

inline void racy_in_system_header() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  db.close();
  t.join();
}
