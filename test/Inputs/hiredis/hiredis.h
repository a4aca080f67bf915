#pragma once
// Mock of hiredis: an opaque context handle.
extern "C" {
typedef struct redisContext redisContext;
typedef struct redisReply { int type; long long integer; } redisReply;
redisContext *redisConnect(const char *ip, int port);
void *redisCommand(redisContext *c, const char *format, ...);
void freeReplyObject(void *reply);
void redisFree(redisContext *c);
}
