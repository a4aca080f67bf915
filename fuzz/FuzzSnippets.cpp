//===--- FuzzSnippets.cpp - libFuzzer target: generated programs, all checks -===//
//
// The fuzzer's bytes are choices in a small grammar of the bug class:
// sessions (objects, pointers, shared_ptr, members, C handles), tasks
// (std::thread, std::jthread, std::async, a lambda stored first), captures
// (by reference, by value, by pointer, init-captures), uses through helpers
// by reference or pointer, locks on one mutex or two, joins, detaches,
// loops, branches, macros and templates, and now and then raw bytes that
// break the program, so the checks also meet Clang's error recovery. The
// program is analysed by every sessionlint check, in memory, against the
// mock headers of test/Inputs. A crash, a sanitizer report or an
// assertion is the finding; what the checks report is not judged here
// (the corpus and the variants tier do that).
//
//===----------------------------------------------------------------------===//
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

extern volatile int SessionLintModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED SessionLintModuleAnchor =
    SessionLintModuleAnchorSource;

using namespace clang;
using namespace clang::tidy;

namespace {

/// Reads choices from the fuzzer's bytes; zeros once they run out, so
/// every input is a finished program.
class Choices {
public:
  Choices(const uint8_t *Data, size_t Size) : Data(Data), Size(Size) {}
  unsigned pick(unsigned N) { return Pos < Size ? Data[Pos++] % N : 0; }
  bool more() const { return Pos < Size; }
  /// Up to N raw bytes, printable or not.
  std::string raw(unsigned N) {
    std::string Out;
    while (N-- && Pos < Size)
      Out += static_cast<char>(Data[Pos++]);
    return Out;
  }

private:
  const uint8_t *Data;
  size_t Size;
  size_t Pos = 0;
};

class Generator {
public:
  explicit Generator(Choices &C) : C(C) {}

  std::string program() {
    Out += "#include <pqxx/pqxx>\n#include <sqlite3.h>\n#include <libpq-fe.h>\n"
           "#include <thread>\n#include <future>\n#include <mutex>\n"
           "#include <memory>\n#include <vector>\n"
           "#define SPAWN(body) std::thread([&] { body; })\n"
           "std::mutex m1, m2;\n"
           "void use(pqxx::connection &c) { pqxx::nontransaction t(c); t.exec(\"x\"); }\n"
           "void use_ptr(pqxx::connection *c) { if (c) use(*c); }\n"
           "template <class S> void use_any(S &s) { use(s); }\n"
           "void locked_use(pqxx::connection &c) { std::lock_guard<std::mutex> l(m1); use(c); }\n"
           "struct Holder { pqxx::connection conn; std::shared_ptr<pqxx::connection> shared;\n"
           "  void run(); };\n";
    unsigned Functions = 1 + C.pick(3);
    for (unsigned F = 0; F < Functions && C.more(); ++F)
      function(F);
    if (C.pick(4) == 0)
      Out += "void Holder::run() { std::thread t([this] { use(conn); }); use(conn); t.join(); }\n";
    return Out;
  }

private:
  void function(unsigned Index) {
    Sessions.clear();
    Tasks.clear();
    Out += C.pick(5) == 0 ? "template <class T> void f" : "void f";
    Out += std::to_string(Index);
    bool WithParameter = C.pick(3) == 0;
    Out += WithParameter ? "(pqxx::connection &param) {\n" : "() {\n";
    if (WithParameter)
      Sessions.push_back("param");
    Depth = 0;
    block(4 + C.pick(8));
    Out += "}\n";
  }

  void block(unsigned Statements) {
    for (unsigned I = 0; I < Statements && C.more(); ++I)
      statement();
  }

  std::string session() {
    return Sessions.empty() ? std::string() : Sessions[C.pick(Sessions.size())];
  }

  void declareSession() {
    std::string Name = "c" + std::to_string(Counter++);
    switch (C.pick(5)) {
    case 0:
      Out += "pqxx::connection " + Name + ";\n";
      break;
    case 1:
      Out += "auto " + Name + "p = std::make_shared<pqxx::connection>();\n"
             "pqxx::connection &" + Name + " = *" + Name + "p;\n";
      break;
    case 2:
      Out += "Holder " + Name + "h;\npqxx::connection &" + Name + " = " + Name + "h.conn;\n";
      break;
    case 3:
      Out += "pqxx::connection " + Name + "o;\npqxx::connection *" + Name + "q = &" +
             Name + "o;\npqxx::connection &" + Name + " = *" + Name + "q;\n";
      break;
    case 4: {
      // A C handle next to the object sessions.
      std::string Db = "db" + std::to_string(Counter++);
      Out += "sqlite3 *" + Db + " = nullptr;\nsqlite3_open(\"x\", &" + Db + ");\n";
      Out += "std::thread " + Db + "t([&] { sqlite3_exec(" + Db +
             ", \"x\", nullptr, nullptr, nullptr); });\n";
      Tasks.push_back(Db + "t");
      if (C.pick(2))
        Out += "sqlite3_exec(" + Db + ", \"y\", nullptr, nullptr, nullptr);\n";
      return;
    }
    }
    Sessions.push_back(Name);
  }

  std::string use(const std::string &S) {
    switch (C.pick(6)) {
    case 0: return "use(" + S + ");";
    case 1: return "use_ptr(&" + S + ");";
    case 2: return "use_any(" + S + ");";
    case 3: return "locked_use(" + S + ");";
    case 4: return "{ std::lock_guard<std::mutex> g(m" + std::to_string(1 + C.pick(2)) +
                   "); use(" + S + "); }";
    default: return "{ pqxx::work w(" + S + "); w.exec(\"z\"); w.commit(); }";
    }
  }

  std::string capture(const std::string &S) {
    switch (C.pick(5)) {
    case 0: return "[&]";
    case 1: return "[&" + S + "]";
    case 2: return "[p = &" + S + "]";
    case 3: return "[=]";
    default: return "[&, " + std::string("n = 1") + "]";
    }
  }

  std::string taskBody(const std::string &S, const std::string &Capture) {
    std::string Target = Capture.find("p = &") != std::string::npos ? "*p" : S;
    if (Capture == "[=]")
      return "{ (void)&" + S + "; }"; // A copy of a reference's object would not compile.
    std::string Body = "{ " + use(Target);
    if (C.pick(3) == 0)
      Body += " for (int i = 0; i < 3; ++i) " + use(Target);
    return Body + " }";
  }

  void spawn() {
    std::string S = session();
    if (S.empty())
      return declareSession();
    std::string Cap = capture(S);
    std::string Body = taskBody(S, Cap);
    std::string T = "t" + std::to_string(Counter++);
    switch (C.pick(6)) {
    case 0:
      Out += "std::thread " + T + "(" + Cap + " " + Body + ");\n";
      break;
    case 1:
      Out += "std::jthread " + T + "(" + Cap + " " + Body + ");\n";
      break;
    case 2:
      Out += "auto " + T + " = std::async(std::launch::async, " + Cap + " " + Body + ");\n";
      break;
    case 3:
      Out += "auto " + T + "fn = " + Cap + " " + Body + ";\nstd::thread " + T + "(" + T +
             "fn);\n";
      break;
    case 4:
      Out += "std::thread " + T + " = SPAWN(" + use(S) + ");\n";
      break;
    default:
      Out += "std::vector<std::thread> " + T + "v;\nfor (int k = 0; k < 2; ++k) " + T +
             "v.emplace_back(" + Cap + " " + Body + ");\n";
      Out += "for (auto &x : " + T + "v) x.join();\n";
      return;
    }
    Tasks.push_back(T);
  }

  void finish() {
    if (Tasks.empty())
      return;
    const std::string &T = Tasks[C.pick(Tasks.size())];
    switch (C.pick(4)) {
    case 0: Out += "if (" + T + ".joinable()) " + T + ".join();\n"; break;
    case 1: Out += T + ".join();\n"; break;
    case 2: Out += T + ".detach();\n"; break;
    default: Out += "(void)" + T + ";\n"; break;
    }
  }

  void statement() {
    switch (C.pick(12)) {
    case 0:
    case 1:
      declareSession();
      break;
    case 2:
    case 3:
      spawn();
      break;
    case 4:
    case 5:
      if (std::string S = session(); !S.empty())
        Out += use(S) + "\n";
      break;
    case 6:
      finish();
      break;
    case 7:
      if (Depth < 3) {
        ++Depth;
        Out += C.pick(2) ? "if (param_flag()) {\n" : "for (int r = 0; r < 2; ++r) {\n";
        block(1 + C.pick(3));
        Out += "}\n";
        --Depth;
      }
      break;
    case 8:
      if (Depth < 3) {
        ++Depth;
        Out += "{\n";
        block(1 + C.pick(3));
        Out += "}\n";
        --Depth;
      }
      break;
    case 9:
      if (std::string S = session(); !S.empty())
        Out += "auto h" + std::to_string(Counter++) + " = std::async(std::launch::deferred, [&] { " +
               use(S) + " });\n";
      break;
    case 10:
      // Broken code: raw bytes where a statement goes.
      if (C.pick(4) == 0)
        Out += C.raw(1 + C.pick(12)) + "\n";
      break;
    default:
      if (std::string S = session(); !S.empty())
        Out += "std::thread([&] { " + use(S) + " }).detach();\n";
      break;
    }
  }

  Choices &C;
  std::string Out;
  std::vector<std::string> Sessions, Tasks;
  unsigned Counter = 0;
  unsigned Depth = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  Choices C(Data, Size);
  std::string Program = "bool param_flag();\n" + Generator(C).program();
  if (std::getenv("SESSIONLINT_FUZZ_PRINT"))
    llvm::errs() << Program << "\n";

  static const char *File = "/sessionlint-fuzz-input.cpp";
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(File, 0, llvm::MemoryBuffer::getMemBufferCopy(Program));
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  FS->pushOverlay(Memory);

  tooling::FixedCompilationDatabase DB(
      "/", {"-std=c++20", "-nostdinc++", "-isystem", SESSIONLINT_FUZZ_INPUTS,
                "-fno-caret-diagnostics", "-ferror-limit=0"});
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,sessionlint-*";
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), Defaults));
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, DB, {File}, FS, /*ApplyAnyFix=*/false);
  (void)Errors;
  return 0;
}
