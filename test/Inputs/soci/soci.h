#pragma once
namespace soci {
class session {
public:
  session() = default;
  explicit session(const char *) {}
  session(const session &) = delete;
  void once(const char *) {}
  void commit() {}
};
class connection_pool {
public:
  explicit connection_pool(int) {}
  session &at(int i);
  int lease() { return 0; }
  void give_back(int) {}
};
} // namespace soci
