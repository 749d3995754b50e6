// The classification of a critical point from the spectrum of its Riemannian Hessian
// (docs/mathematics.md §3, "The second-order test"): one rule for every problem of the
// toolkit, stated once.
//
// Eigenvalues with |λ| ≤ zero_threshold are zero modes; `expected_zero_modes` is how many the
// problem's symmetry explains (the O(d)-orbit dimension for Φ, 0 for the finite problem Ψ_N).
// For a maximisation (a minimisation is the mirror image), in this order:
//   not_classified    fewer zero modes than expected: at an exact critical point the symmetry's
//                     directions lie in the kernel, so the count contradicts the symmetry (a
//                     wrong span or threshold, or a point too far from critical); the signs of
//                     the other eigenvalues then include symmetry directions and prove nothing;
//   saddle            non-zero eigenvalues of both signs;
//   degenerate        more zero modes than expected (undecided at second order), no saddle;
//   strict_local_max  exactly the expected zero modes, every other eigenvalue negative (the
//                     Morse–Bott sufficient condition for a strict maximum modulo the symmetry);
//   strict_local_min  the same with every other eigenvalue positive (the wrong optimum).
// `not_classified` is also what callers record where the test was not run (a polish that
// stalled). The threshold is part of every verdict.
#pragma once

#include "twolayer/numeric/matrix.hpp"

#include <string>

namespace twolayer {

enum class critical_point_type { strict_local_max, strict_local_min, degenerate, saddle, not_classified };

enum class optimisation_sense { maximise, minimise };

/// The identifiers the reports print (stable: the reports' columns are read by scripts).
inline std::string to_string(critical_point_type type)
{
  switch (type) {
  case critical_point_type::strict_local_max: return "strict_local_max";
  case critical_point_type::strict_local_min: return "local_min";
  case critical_point_type::degenerate: return "degenerate";
  case critical_point_type::saddle: return "saddle";
  case critical_point_type::not_classified: return "not_classified";
  }
  return "?";
}

template <class Real>
struct spectrum_classification {
  critical_point_type type = critical_point_type::not_classified;
  Real zero_threshold = 0;
  int zero_modes = 0;
  int expected_zero_modes = 0;
  int positive = 0;
  int negative = 0;
  Real margin = 0;  // smallest |λ| among the non-zero eigenvalues (0 if none)
};

template <class Real>
spectrum_classification<Real> classify_critical_point(const vector<Real>& eigenvalues, const Real& zero_threshold,
                                                      int expected_zero_modes, optimisation_sense sense)
{
  using std::abs;
  spectrum_classification<Real> c;
  c.zero_threshold = zero_threshold;
  c.expected_zero_modes = expected_zero_modes;
  bool any_nonzero = false;
  for (Eigen::Index i = 0; i < eigenvalues.size(); ++i) {
    const Real& lambda = eigenvalues(i);
    if (abs(lambda) <= zero_threshold) {
      ++c.zero_modes;
      continue;
    }
    (lambda > 0 ? c.positive : c.negative) += 1;
    if (!any_nonzero || abs(lambda) < c.margin)
      c.margin = abs(lambda);
    any_nonzero = true;
  }
  const int wrong = sense == optimisation_sense::maximise ? c.positive : c.negative;
  if (c.zero_modes < expected_zero_modes)
    c.type = critical_point_type::not_classified;
  else if (c.positive > 0 && c.negative > 0)
    c.type = critical_point_type::saddle;
  else if (c.zero_modes > expected_zero_modes)
    c.type = critical_point_type::degenerate;
  else if (wrong > 0)
    c.type = sense == optimisation_sense::maximise ? critical_point_type::strict_local_min
                                                   : critical_point_type::strict_local_max;
  else
    c.type = sense == optimisation_sense::maximise ? critical_point_type::strict_local_max
                                                   : critical_point_type::strict_local_min;
  return c;
}

}  // namespace twolayer
