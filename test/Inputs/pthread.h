#pragma once
// Mock of POSIX threads.
extern "C" {
typedef unsigned long pthread_t;
typedef struct pthread_attr_t pthread_attr_t;
int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **retval);
int pthread_detach(pthread_t thread);
typedef struct { int lock; } pthread_mutex_t;
#define PTHREAD_MUTEX_INITIALIZER {0}
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
}
