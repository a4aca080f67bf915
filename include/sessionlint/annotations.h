/* sessionlint annotations: teach the linter about your own types and
 * functions.
 *
 *   class SESSIONLINT_SESSION LegacyDb { ... };       // never share between tasks
 *   class SESSIONLINT_THREAD_SAFE ConnectionPool { ... };  // safe to share
 *   class SESSIONLINT_THREAD_AFFINE UiDb { ... };      // only on its creating thread
 *
 *   // submit(f, args...) runs f (argument 0) concurrently with the caller:
 *   template <class F, class... A> SESSIONLINT_SPAWNS(0) Ticket submit(F f, A... a);
 *   // wait() waits for every task of this object (or of its arguments):
 *   SESSIONLINT_JOINS void wait();
 *   // startThread() runs the object's threadedFunction() (the final
 *   // overrider of that virtual member function) on a new thread:
 *   SESSIONLINT_STARTS_THREAD("threadedFunction") void startThread();
 *
 * The macros expand to clang annotations that only sessionlint reads; with
 * other compilers they expand to nothing. No dependencies; C and C++.
 */
#ifndef SESSIONLINT_ANNOTATIONS_H
#define SESSIONLINT_ANNOTATIONS_H

#if defined(__clang__)
#define SESSIONLINT_SESSION [[clang::annotate("sessionlint::session")]]
#define SESSIONLINT_THREAD_SAFE [[clang::annotate("sessionlint::thread_safe")]]
#define SESSIONLINT_THREAD_AFFINE [[clang::annotate("sessionlint::thread_affine")]]
#define SESSIONLINT_SPAWNS(n) [[clang::annotate("sessionlint::spawns", n)]]
#define SESSIONLINT_JOINS [[clang::annotate("sessionlint::joins")]]
#define SESSIONLINT_STARTS_THREAD(entry) [[clang::annotate("sessionlint::starts_thread", entry)]]
#else
#define SESSIONLINT_SESSION
#define SESSIONLINT_THREAD_SAFE
#define SESSIONLINT_THREAD_AFFINE
#define SESSIONLINT_SPAWNS(n)
#define SESSIONLINT_JOINS
#define SESSIONLINT_STARTS_THREAD(entry)
#endif

#endif /* SESSIONLINT_ANNOTATIONS_H */
