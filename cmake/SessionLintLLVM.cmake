# Finds Debian's LLVM/Clang packages and makes their imported targets safe to
# link next to libclang-cpp.so.
#
# Debian ships both the static clang component libraries (clangAST, ...) and
# libclang-cpp.so holding the same code. Linking both registers every
# llvm::cl option twice and aborts at start-up, so every static clang
# component that an imported target drags in is rewritten to clang-cpp.

set(SESSIONLINT_LLVM_MAJOR 19 CACHE STRING "LLVM major version to build against")

# LLVM's version file rejects "19" because it wants "19.1": check by hand.
find_package(LLVM CONFIG REQUIRED
  HINTS /usr/lib/llvm-${SESSIONLINT_LLVM_MAJOR}/lib/cmake/llvm NO_DEFAULT_PATH)
if(NOT LLVM_VERSION_MAJOR EQUAL SESSIONLINT_LLVM_MAJOR)
  message(FATAL_ERROR "sessionlint: found LLVM ${LLVM_PACKAGE_VERSION}, "
    "expected ${SESSIONLINT_LLVM_MAJOR}.x (set SESSIONLINT_LLVM_MAJOR)")
endif()
find_package(Clang CONFIG REQUIRED
  HINTS ${LLVM_DIR}/../clang NO_DEFAULT_PATH)
message(STATUS "sessionlint: LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_TOOLS_BINARY_DIR}")

find_package(fmt REQUIRED)

set(SESSIONLINT_LLVM_BIN ${LLVM_TOOLS_BINARY_DIR})

# Names of the clang component libraries that live inside libclang-cpp.so.
set(_sessionlint_in_clang_cpp
  "^clang(Basic|APINotes|Lex|Parse|AST|ASTMatchers|DynamicASTMatchers|CrossTU|Sema|CodeGen|Analysis|AnalysisFlowSensitive|AnalysisFlowSensitiveModels|Edit|ExtractAPI|Rewrite|RewriteFrontend|ARCMigrate|Driver|Serialization|Frontend|FrontendTool|ToolingCore|ToolingInclusions|ToolingInclusionsStdlib|ToolingRefactoring|ToolingASTDiff|ToolingSyntax|Tooling|DependencyScanning|Transformer|DirectoryWatcher|Index|IndexSerialization|InstallAPI|StaticAnalyzerCore|StaticAnalyzerCheckers|StaticAnalyzerFrontend|Format|Interpreter|Support)$")

# Rewrites the link interface of imported target TARGET (and, recursively, of
# the imported targets it names) so that it names clang-cpp instead of the
# static components, and drops the entries in EXCLUDE.
function(sessionlint_use_shared_clang target)
  cmake_parse_arguments(ARG "" "" "EXCLUDE" ${ARGN})
  get_property(done GLOBAL PROPERTY _sessionlint_rewritten_${target})
  if(done OR NOT TARGET ${target})
    return()
  endif()
  set_property(GLOBAL PROPERTY _sessionlint_rewritten_${target} TRUE)
  get_target_property(libs ${target} INTERFACE_LINK_LIBRARIES)
  if(NOT libs)
    return()
  endif()
  set(rewritten)
  foreach(lib IN LISTS libs)
    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" bare "${lib}")
    if(bare IN_LIST ARG_EXCLUDE)
      continue()
    endif()
    if(bare MATCHES "${_sessionlint_in_clang_cpp}")
      list(APPEND rewritten clang-cpp)
    else()
      list(APPEND rewritten ${lib})
      if(TARGET ${bare})
        sessionlint_use_shared_clang(${bare} EXCLUDE ${ARG_EXCLUDE})
      endif()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES rewritten)
  set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${rewritten}")
endfunction()
