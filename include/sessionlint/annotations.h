/* sessionlint annotations: teach the linter about your own types.
 *
 *   class SESSIONLINT_SESSION LegacyDb { ... };       // never share between tasks
 *   class SESSIONLINT_THREAD_SAFE ConnectionPool { ... };  // safe to share
 *
 * The macros expand to clang annotations that only sessionlint reads; with
 * other compilers they expand to nothing. No dependencies; C and C++.
 */
#ifndef SESSIONLINT_ANNOTATIONS_H
#define SESSIONLINT_ANNOTATIONS_H

#if defined(__clang__)
#define SESSIONLINT_SESSION [[clang::annotate("sessionlint::session")]]
#define SESSIONLINT_THREAD_SAFE [[clang::annotate("sessionlint::thread_safe")]]
#else
#define SESSIONLINT_SESSION
#define SESSIONLINT_THREAD_SAFE
#endif

#endif /* SESSIONLINT_ANNOTATIONS_H */
