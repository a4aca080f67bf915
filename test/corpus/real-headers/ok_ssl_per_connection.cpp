#include <openssl/ssl.h>
#include <thread>
#include <vector>

static void serve(SSL_CTX *ctx, int fd) {
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_accept(ssl);
  SSL_write(ssl, "hi", 2);
  SSL_free(ssl);
}

int main() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
  std::vector<std::thread> ts;
  for (int fd = 3; fd < 8; ++fd) ts.emplace_back(serve, ctx, fd);
  for (auto &t : ts) t.join();
  SSL_CTX_free(ctx);
}
