#pragma once
namespace SQLite {
class Database {
public:
  explicit Database(const char *) {}
  Database(const Database &) = delete;
  int exec(const char *) { return 0; }
};
class Statement {
public:
  Statement(Database &, const char *) {}
  bool executeStep() { return false; }
};
} // namespace SQLite
