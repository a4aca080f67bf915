#include <libssh/libssh.h>
#include <thread>

int main() {
  ssh_session s = ssh_new();
  ssh_options_set(s, SSH_OPTIONS_HOST, "example.org");
  ssh_connect(s);
  ssh_channel ch = ssh_channel_new(s);
  ssh_channel_open_session(ch);
  std::thread reader([ch] { // BUG
    char buf[256];
    while (ssh_channel_read(ch, buf, sizeof buf, 0) > 0) {}
  });
  ssh_channel_write(ch, "ls\n", 3);
  reader.join();
  ssh_channel_free(ch);
  ssh_free(s);
}
