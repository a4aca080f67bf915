#pragma once
// Mock of Boost.Thread: boost::thread, joined by join(), detached by detach();
// boost::thread_group.
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
// thread_group::create_thread(f) starts a thread; join_all() joins them all.
class thread_group {
public:
  template <class F> thread *create_thread(F f) { return nullptr; }
  void add_thread(thread *) {}
  void join_all() {}
};
} // namespace boost
