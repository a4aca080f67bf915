// RUN: %check_sessionlint %s -- %real_flags
// Real headers: hiredis, libcurl, libssh, libssh2 and OpenSSL: C handles,
// shared by copying the pointer. SSL_CTX is documented thread-safe.
#include <curl/curl.h>
#include <hiredis/hiredis.h>
#include <libssh/libssh.h>
#include <libssh2.h>
#include <openssl/ssl.h>
#include <thread>

void hiredis_context_shared_bad(redisContext *redis) {
  std::thread warmer([redis] { freeReplyObject(redisCommand(redis, "SET k 1")); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: session 'redis' of type 'redisContext *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  freeReplyObject(redisCommand(redis, "GET k"));
  warmer.join();
}

void curl_handle_per_thread_ok() {
  std::thread fetcher([] {
    CURL *own = curl_easy_init();
    curl_easy_perform(own);
    curl_easy_cleanup(own);
  });
  CURL *mine = curl_easy_init();
  curl_easy_perform(mine);
  curl_easy_cleanup(mine);
  fetcher.join();
}

void curl_handle_shared_bad(CURL *curl) {
  std::thread fetcher([curl] { curl_easy_perform(curl); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'curl' of type 'CURL *' is shared with a task started by 'std::thread'
  curl_easy_perform(curl);
  fetcher.join();
}

void libssh_session_shared_bad(ssh_session session) {
  std::thread keepalive([session] { ssh_send_ignore(session, "ping"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: session 'session' of type 'ssh_session' is shared with a task started by 'std::thread'
  ssh_channel channel = ssh_channel_new(session);
  ssh_channel_free(channel);
  keepalive.join();
}

void libssh2_session_detached_bad(LIBSSH2_SESSION *session) {
  std::thread([session] { libssh2_keepalive_send(session, nullptr); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: session 'session' of type 'LIBSSH2_SESSION *' is shared with a detached task started by 'std::thread' while the caller keeps using it
}

void openssl_connection_shared_bad(SSL *ssl, char *buf) {
  std::thread writer([ssl] { SSL_write(ssl, "ping", 4); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: session 'ssl' of type 'SSL *' is shared with a task started by 'std::thread'
  SSL_read(ssl, buf, 16);
  writer.join();
}

void openssl_context_shared_ok(SSL_CTX *ctx) {
  std::thread acceptor([ctx] { SSL_free(SSL_new(ctx)); });
  SSL_free(SSL_new(ctx));
  acceptor.join();
}
