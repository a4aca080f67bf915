//===--- Compat.h - clang-tidy API differences between LLVM 19 and 22 -*- C++ -*-===//
#ifndef SESSIONLINT_TOOL_COMPAT_H
#define SESSIONLINT_TOOL_COMPAT_H

#include "clang/Basic/Version.h"

// Clang 22 added an "experimental custom checks" switch (off here) to the
// functions that list checks and their options.
#if CLANG_VERSION_MAJOR >= 22
#define SESSIONLINT_CHECK_LISTING_ARGS false, false
#else
#define SESSIONLINT_CHECK_LISTING_ARGS false
#endif

#endif
