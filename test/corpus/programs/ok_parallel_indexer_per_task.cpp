// Search indexer, fixed: each parallel iteration opens its own connection.
#include <algorithm>
#include <execution>
#include <pqxx/pqxx>
#include <vector>

struct Document { int id; };

void index_all(const std::vector<Document> &docs) {
  std::for_each(std::execution::par, docs.begin(), docs.end(),
                [](const Document &d) {
                  pqxx::connection db("dbname=search");
                  pqxx::work tx(db);
                  tx.exec("insert into terms values (1)");
                  tx.commit();
                });
}
