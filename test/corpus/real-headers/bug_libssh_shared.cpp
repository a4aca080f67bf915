#include <libssh/libssh.h>
#include <thread>

void run_both(ssh_session s) {
  std::thread t([s] { // BUG
    ssh_channel c = ssh_channel_new(s);
    ssh_channel_open_session(c);
  });
  ssh_channel c2 = ssh_channel_new(s);
  ssh_channel_open_session(c2);
  t.join();
}
