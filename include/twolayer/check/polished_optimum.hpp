// One local optimum of Φ found in double, made into evidence (docs/mathematics.md §5): polished by
// Newton in the working precision (optimize/newton_polish.hpp), classified by the
// second-order test with a stated zero threshold (check/second_order.hpp), described by its
// invariants, and given the number of digits its value is known to.
//
// digits_known = min(evaluation, truncation), where
//   evaluation = working digits − 2 − ⌈log10 cond K̂⌉  (rounding in 1ᵀK̂⁻¹1), and
//   truncation = −log10(err/Φ) with err = ‖g‖²/margin after quadratic convergence at a
//                non-degenerate point (the value error of a Newton iterate), and
//                err = max(|ΔΦ| of the last step, ‖g‖) otherwise — a cautious estimate, stated
//                as such, for points where Newton has no curvature to use.
// Convergence is `quadratic` when some step with ‖g_k‖ < 10⁻² gave
// log ‖g_{k+1}‖ ≥ 1.6 log ‖g_k‖, `linear` when the target was reached otherwise, `at_start`
// when the starting point already met it (M = 1: Φ is constant), and `stalled` when it was not.
//
// Only a point whose polish reached the target gradient norm, away from the set where K̂ is
// singular (geometry/feature_dependence.hpp), is classified: there the zero
// threshold zero_threshold_for(‖g‖, max|λ|) (check/second_order.hpp) is about
// 1000·10^(−(digits−5)/2), far below any curvature the reports meet (the smallest margin in
// the grid is near 10⁻⁶). A polish that stalls leaves the point unclassified — its verdict
// is `not_classified` and `stall_note` says where it stopped — because at ‖g‖ = 10⁻¹¹ the
// threshold is near 10⁻², which would call an eigenvalue of 10⁻⁶ zero and invent extra zero
// modes.
//
// The span, the orbit dimension and the invariants use one stated tolerance: Gram
// eigenvalues below √ε times the largest are zero (geometry/orbit.hpp).
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/check/second_order.hpp"
#include "twolayer/geometry/feature_dependence.hpp"
#include "twolayer/geometry/invariants.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/optimize/newton_polish.hpp"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace twolayer {

template <class Real>
struct polished_optimum {
  polish_result<Real> polish;
  std::string convergence;  // quadratic, linear, stalled, or degenerate (K̂ singular: see stall_note)
  int digits_known = 0;
  second_order_result<Real> second_order;
  configuration_invariants<Real> invariants;
  int etf_size = 0;  // m when the distinct directions form a simplex ETF of m vectors
  bool classified = false;  // the polish reached its target and the second-order test ran
  std::string stall_note;   // why not, when not classified
};

template <class Real>
polished_optimum<Real> polish_and_classify(const matrix<double>& U0, int max_iterations = 200)
{
  using std::abs;
  using std::log10;
  using std::pow;
  using std::sqrt;
  polished_optimum<Real> result;
  const int digits = decimal_digits<Real>();
  const Real epsilon = Eigen::NumTraits<Real>::epsilon();
  const Real singular_tolerance = sqrt(epsilon);
  const Real target = pow(Real(10), -digits + 5);
  const auto problem = phi_problem(singular_tolerance);
  result.polish = newton_polish(problem, matrix<Real>(U0.cast<Real>()), target, max_iterations);
  const auto& p = result.polish;
  // Next to the set where K̂ is singular (within a squared distance of ε^(1/4), looser than the
  // evaluation's pivot tolerance √ε, so that a point the evaluation refused shows its
  // structure) the solves behind the gradient and the Hessian have lost about half the digits:
  // such a point is not classified, whatever the polish reached (docs/mathematics.md §3.3).
  const feature_dependence near_singular = relu_feature_dependence(p.U, Real(sqrt(singular_tolerance)));
  if (p.degenerate) {
    result.convergence = "degenerate";
    result.second_order.verdict = critical_point_type::not_classified;
    result.stall_note = near_singular.describe();  // at the iterate where Φ became undefined
    return result;
  }
  result.convergence = !p.converged ? "stalled" : p.iterations == 0 ? "at_start" : "linear";
  for (std::size_t k = 0; k + 1 < p.gradient_norms.size(); ++k) {
    const Real& g = p.gradient_norms[k];
    const Real& next = p.gradient_norms[k + 1];
    if (p.converged && g < Real(1) / 100 && next > 0 && log10(next) <= Real(16) / 10 * log10(g))
      result.convergence = "quadratic";
  }
  const Real gradient_norm = p.gradient_norms.back();
  result.invariants = invariants_of(p.U, Real(sqrt(sqrt(epsilon))), &singular_tolerance);
  result.etf_size = simplex_etf_size(p.U, Real(sqrt(sqrt(epsilon))));
  if (!p.converged || near_singular.kind != feature_dependence_kind::independent) {
    result.second_order.verdict = critical_point_type::not_classified;
    result.second_order.span = result.invariants.span;
    result.second_order.orbit_dim = orbit_dimension(static_cast<int>(p.U.rows()), result.invariants.span);
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "polish %s at gradient norm %.1e after %d Newton steps",
                  p.converged ? "converged" : "stalled", static_cast<double>(gradient_norm), p.iterations);
    result.stall_note = buffer;
    if (near_singular.kind != feature_dependence_kind::independent) {
      result.stall_note += ", next to a singular K-hat: ";
      result.stall_note += near_singular.describe();
    }
  } else {
    const Real largest = [&] {
      const matrix<Real> h = problem.hessian(p.U);
      return Eigen::SelfAdjointEigenSolver<matrix<Real>>(h, Eigen::EigenvaluesOnly).eigenvalues().cwiseAbs().maxCoeff();
    }();
    const Real threshold = zero_threshold_for(gradient_norm, largest);
    result.second_order = second_order_test(problem, p.U, threshold, singular_tolerance);
    result.classified = true;
  }

  // digits_known
  const auto value = reduced_objective(p.U, singular_tolerance);
  const vector<Real> spectrum = Eigen::SelfAdjointEigenSolver<matrix<Real>>(value.gram, Eigen::EigenvaluesOnly).eigenvalues();
  const Real condition = spectrum.maxCoeff() / spectrum.minCoeff();
  const int evaluation = digits - 2 - static_cast<int>(std::ceil(static_cast<double>(log10(condition))));
  Real error;
  const bool clean = result.convergence == "quadratic" && result.second_order.verdict != critical_point_type::degenerate &&
                     result.second_order.margin > 0;
  if (clean)
    error = gradient_norm * gradient_norm / result.second_order.margin;
  else {
    const Real last_change = p.values.size() >= 2 ? Real(abs(p.values.back() - p.values[p.values.size() - 2])) : Real(0);
    error = std::max(last_change, gradient_norm);
  }
  const int truncation = error > 0 ? static_cast<int>(std::floor(static_cast<double>(-log10(error / abs(p.value)))))
                                   : digits;
  result.digits_known = std::max(0, std::min(evaluation, truncation));
  return result;
}

// Compiled instances (numeric/instances.hpp).
// Φ's solvers live in optimize/ and check/, which know no objective; their instances on Φ are
// stated here, where both meet.
#define TWOLAYER_INSTANCES_POLISHED_OPTIMUM(EXTERN, Real)                                                        \
  EXTERN template polish_result<Real> newton_polish(const reduced_objective_problem<Real>&, const matrix<Real>&, \
                                                    const Real&, int, int);                                     \
  EXTERN template second_order_result<Real> second_order_test(const reduced_objective_problem<Real>&,          \
                                                              const matrix<Real>&, const Real&, const Real&);   \
  EXTERN template higher_order_probe<Real> probe_direction(const reduced_objective_problem<Real>&,             \
                                                           const matrix<Real>&, const vector<Real>&);          \
  EXTERN template polished_optimum<Real> polish_and_classify<Real>(const matrix<double>&, int);
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_POLISHED_OPTIMUM)

}  // namespace twolayer
