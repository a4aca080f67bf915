#pragma once
// Mock of stdexec (P2300): just, then, when_all, sync_wait over senders.
namespace stdexec {
struct sender {};
inline sender just() { return {}; }
template <class F> struct then_closure { F f; };
template <class F> then_closure<F> then(F f) { return {f}; }
template <class F> sender operator|(sender, then_closure<F>) { return {}; }
template <class... S> sender when_all(S...) { return {}; }
inline void sync_wait(sender) {}
} // namespace stdexec
namespace stdexec {
template <class S> void start_detached(S) {}
} // namespace stdexec
namespace exec {
class async_scope {
public:
  template <class S> void spawn(S) {}
};
template <class S> void start_detached(S) {}
} // namespace exec
