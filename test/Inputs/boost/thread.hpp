#pragma once
// Mock of Boost.Thread: boost::thread, joined by join(), detached by detach().
namespace boost {
class thread {
public:
  thread() = default;
  template <class F, class... A> explicit thread(F f, A... a) {}
  thread(thread &&) = default;
  void join() {}
  template <class D> bool try_join_for(const D &) { return true; }
  template <class T> bool try_join_until(const T &) { return true; }
  void detach() {}
  bool joinable() const { return true; }
};
} // namespace boost
