#include <openssl/ssl.h>
#include <thread>

void pump(SSL *ssl) {
  char buf[256];
  std::thread reader([ssl, &buf] { SSL_read(ssl, buf, sizeof buf); }); // BUG
  SSL_write(ssl, "ping", 4);
  reader.join();
}
