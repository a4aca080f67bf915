#include <pqxx/pqxx>

void broken() { not_declared_anywhere(); }
