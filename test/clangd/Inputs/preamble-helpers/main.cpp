#include "helpers.h"
#include <thread>

// The helper locks: silent everywhere. Before clangd's skipped bodies were
// known, clangd took the unknown helper for a use of `s` on both sides.
void through_locked_helper_ok(Shared &s) {
  std::thread t([&s] { close_locked(s); });
  close_locked(s);
  t.join();
}

// The helper does not lock: the command line reports it; clangd cannot see
// the helper's body and says nothing (unknown says nothing).
void FN_clangd_through_unlocked_helper(Shared &s) {
  std::thread t([&s] { close_unlocked(s); });
  close_unlocked(s);
  t.join();
}

// Uses written in the main file are seen by both.
void direct_uses_bad(Shared &s) {
  std::thread t([&s] { s.db.close(); });
  s.db.close();
  t.join();
}

// A monitor class defined in the header: silent everywhere.
void through_monitor_ok(Repo &r) {
  std::thread t([&r] { r.save(); });
  r.save();
  t.join();
}
