// The README's C++ usage example, compiled and run by ctest so that it stays true: one case
// of the simplex-ETF conjecture through the library alone (search, polish, second-order
// test, verdict), including only the headers it uses.
#include "twolayer/numeric/scalar.hpp"
#include "twolayer/study/conjecture_case.hpp"

#include <iostream>

int main()
{
  using Real = twolayer::mpfr50;  // polish and second-order test at 50 digits; search in double
  twolayer::conjecture_search_options search;
  search.restarts = 200;
  const auto found = twolayer::run_conjecture_case<Real>(4, 3, search, /*polish_max=*/5);
  const auto verdict = twolayer::decide_conjecture(twolayer::evidence_of(found));
  std::cout << "Phi_best = " << found.best_polished()->polish.value.str(20) << " ("
            << found.best_polished()->digits_known << " digits known), Phi_ETF = " << found.phi_etf->str(20)
            << "\n"
            << twolayer::to_string(verdict.verdict) << ": " << verdict.reason << "\n";
  return twolayer::conjecture_exit_status({verdict});
}
