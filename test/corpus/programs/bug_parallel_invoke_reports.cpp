// Month-end close: two reports computed with tbb::parallel_invoke, both on
// the ledger session.
#include <soci/soci.h>
#include <tbb/tbb.h>

void month_end(soci::session &ledger) {
  tbb::parallel_invoke(
      [&ledger] { ledger.once("insert into pnl select 1"); }, // BUG
      [&ledger] { ledger.once("insert into balance select 1"); });
}
