// Search indexer: documents are indexed with a parallel for_each, every
// iteration inserting through one connection.
#include <algorithm>
#include <execution>
#include <pqxx/pqxx>
#include <vector>

struct Document { int id; };

void index_all(const std::vector<Document> &docs) {
  pqxx::connection db("dbname=search");
  std::for_each(std::execution::par, docs.begin(), docs.end(),
                [&db](const Document &d) { // BUG
                  pqxx::work tx(db);
                  tx.exec("insert into terms values (1)");
                  tx.commit();
                });
}
