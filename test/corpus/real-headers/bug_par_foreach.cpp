#include <algorithm>
#include <execution>
#include <sqlite3.h>
#include <string>
#include <vector>

void index_all(sqlite3 *db, const std::vector<std::string> &docs) {
  std::for_each(std::execution::par, docs.begin(), docs.end(), [db](const std::string &d) { // BUG
    std::string sql = "INSERT INTO idx VALUES('" + d + "')";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  });
}
