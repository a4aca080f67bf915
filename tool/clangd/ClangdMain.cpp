// clangd with sessionlint's checks linked in. Everything else is clangd's
// own main; the checks register through SessionLintModule.cpp.
namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

int main(int argc, char *argv[]) { return clang::clangd::clangdMain(argc, argv); }
