// The verdict on the simplex-ETF conjecture for one case (M, d) (docs/mathematics.md §3, §5),
// decided in one place for every caller: twolayer-etf (its exit status), twolayer-reproduce
// (the index, from etf.csv) and library users.
//
//   no_conjecture   M > d + 1: no simplex ETF of M vectors exists in R^d;
//   undecided       no polished optimum to compare;
//   counterexample  the best polished Φ exceeds Φ_ETF by more than its stated error
//                   |Φ_ETF|·10^(−digits known);
//   consistent      the best polished Φ equals Φ_ETF within that error, and the exact ETF
//                   passed the second-order test (strict local maximum modulo O(d));
//   undecided       otherwise, with the reason (the ETF's test was degenerate, or the search
//                   did not reach Φ_ETF).
// The reasons are sentences generated from the evidence, not written per case.
#pragma once

#include "twolayer/check/critical_point.hpp"

#include <optional>
#include <string>
#include <vector>

namespace twolayer {

enum class conjecture_verdict { consistent, counterexample, undecided, no_conjecture };

inline std::string to_string(conjecture_verdict v)
{
  switch (v) {
  case conjecture_verdict::consistent: return "consistent";
  case conjecture_verdict::counterexample: return "counterexample";
  case conjecture_verdict::undecided: return "undecided";
  case conjecture_verdict::no_conjecture: return "no conjecture";
  }
  return "?";
}

/// What a verdict is decided from, as the reports state it.
template <class Real>
struct conjecture_evidence {
  int M = 0, d = 0;
  std::optional<Real> phi_best;  // the best classified point's Φ (absent: none polished)
  int digits_known = 0;          // … and the digits it is known to
  std::optional<Real> phi_etf;   // Φ_ETF(M) when 2 ≤ M ≤ d + 1
  std::string etf_second_order;  // to_string of the verdict at the exact ETF
  std::string best_degeneracy_note;  // the best point's extra zero modes, if any
  std::string best_structure;        // the best point's structure (for M > d + 1)
  std::string best_second_order;     // the best point's second-order verdict (for M > d + 1)
};

struct conjecture_decision {
  conjecture_verdict verdict = conjecture_verdict::undecided;
  std::string reason;
};

template <class Real>
conjecture_decision decide_conjecture(const conjecture_evidence<Real>& e)
{
  using std::abs;
  using std::pow;
  conjecture_decision v;
  if (e.M > e.d + 1) {
    v.verdict = conjecture_verdict::no_conjecture;
    v.reason = "no simplex ETF of M vectors in R^d; best found: " + e.best_structure + ", `" + e.best_second_order + "`";
    return v;
  }
  if (!e.phi_best || !e.phi_etf) {
    v.verdict = conjecture_verdict::undecided;
    v.reason = "no polished optimum";
    return v;
  }
  const Real& best = *e.phi_best;
  const Real& reference = *e.phi_etf;
  const std::string digits = std::to_string(e.digits_known);
  const Real error = abs(reference) * pow(Real(10), -e.digits_known);
  if (best - reference > error) {
    v.verdict = conjecture_verdict::counterexample;
    v.reason = "a polished configuration exceeds Phi_ETF by more than 10^-" + digits + " (relative)";
  } else if (abs(best - reference) <= error && e.etf_second_order == to_string(critical_point_type::strict_local_max)) {
    v.verdict = conjecture_verdict::consistent;
    v.reason = "best found = Phi_ETF to " + digits + " digits; ETF strict local maximum";
  } else if (abs(best - reference) <= error) {
    v.verdict = conjecture_verdict::undecided;
    v.reason = "best found = Phi_ETF, but the second-order test at the ETF gives `" + e.etf_second_order + "`" +
               (e.best_degeneracy_note.empty() ? "" : ": " + e.best_degeneracy_note);
  } else {
    v.verdict = conjecture_verdict::undecided;
    v.reason = "the best found lies below Phi_ETF by more than its error: the search did not reach the ETF";
  }
  return v;
}

/// The exit status of a conjecture run: 1 when any case is a counterexample, else 0.
inline int conjecture_exit_status(const std::vector<conjecture_decision>& decisions)
{
  for (const auto& d : decisions)
    if (d.verdict == conjecture_verdict::counterexample)
      return 1;
  return 0;
}

}  // namespace twolayer
