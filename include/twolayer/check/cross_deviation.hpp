// The cross-term deviation of docs/mathematics.md §5: sup over unit v of |t(v) − t~(v)|, where
// t(v) = E_x[f(x) σ(<v, x>)] for a target f (objective/target_cross_term.hpp) and t~(v) is the
// simplified objective's cross term at unit v: a constant `level` (α d μ_σ², the same for every
// v) for a target without a mean, T(<v, μ̂>) for one with a mean (§2.1,
// objective/mean_shifted_cross_term.hpp); any cross term (objective/cross_term.hpp) will do.
//
// Found by maximisation — random screening plus Riemannian L-BFGS ascent of ±(t − level)
// from the best screened points — so the result is a lower estimate of the sup, and is
// reported as such. The screen always includes two structured directions, e_1 and
// (1, …, 1)/√d, where the deviation of a coordinate-aligned law (rademacher, uniform) tends
// to peak. Deterministic for a given seed.
#pragma once

#include "twolayer/objective/cross_term.hpp"
#include "twolayer/objective/target_cross_term.hpp"
#include "twolayer/optimize/lbfgs.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "twolayer/manifold/sphere_product.hpp"

#include <algorithm>
#include <numeric>

namespace twolayer {

struct cross_deviation_options {
  int screen = 256;  // random directions screened, besides e_1 and (1, …, 1)/√d
  int ascents = 4;   // local ascents, from the best screened directions
  std::uint64_t seed = 1;
  // 1e-9 moves the sup by < 1e-12 against 1e-11, at a quarter of the cost: near a
  // discrete law's directions rounding keeps the line search from reaching 1e-11.
  lbfgs_options<double> ascent{1e-9, 200, 8, 1e-12};
};

template <class Real>
struct cross_deviation_result {
  Real sup = 0;           // the largest |t(v) − level| found (a lower estimate of the sup)
  Real deviation = 0;     // t(v) − level there (its sign says above or below)
  vector<Real> direction; // v
  int evaluations = 0;
};

/// The cross term of the same value at every unit direction (no gradient on the sphere).
template <class Real>
struct constant_cross_term {
  Real level;
  vector<Real> values(const matrix<Real>& U) const { return vector<Real>::Constant(U.cols(), level); }
  void values_and_gradients(const matrix<Real>& U, vector<Real>& t, matrix<Real>& gradients) const
  {
    t = values(U);
    gradients = matrix<Real>::Zero(U.rows(), U.cols());
  }
};

/// sup over unit v of |t(v) − reference(v)|, found by maximisation (a lower estimate).
template <class Real, class Activation, class Reference>
  requires cross_term<Reference, Real>
cross_deviation_result<Real> sup_cross_deviation(const target_cross_term<Real, Activation>& target,
                                                 const Reference& reference,
                                                 const cross_deviation_options& options)
{
  using std::abs;
  using std::sqrt;
  const int d = static_cast<int>(target.dimension());
  const int count = options.screen + 2;
  matrix<Real> screen(d, count);
  screen.col(0) = vector<Real>::Unit(d, 0);
  screen.col(1) = vector<Real>::Ones(d) / sqrt(Real(d));
  if (options.screen > 0)
    screen.rightCols(options.screen) = sphere_product::random_point(options.screen, d, options.seed).cast<Real>();

  cross_deviation_result<Real> result;
  vector<Real> deviations(count);
  constexpr int chunk = 64;  // directions per matrix product
  for (int first = 0; first < count; first += chunk) {
    const int n = std::min(chunk, count - first);
    deviations.segment(first, n) =
        target.values(screen.middleCols(first, n)).array() - reference.values(screen.middleCols(first, n)).array();
  }
  result.evaluations += count;
  std::vector<int> order(static_cast<std::size_t>(count));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return abs(deviations(a)) > abs(deviations(b)); });
  result.sup = abs(deviations(order[0]));
  result.deviation = deviations(order[0]);
  result.direction = screen.col(order[0]);

  const lbfgs_options<Real> ascent{Real(options.ascent.gradient_tolerance), options.ascent.max_iterations,
                                   options.ascent.memory, Real(options.ascent.singular_tolerance)};
  for (int a = 0; a < std::min(options.ascents, count); ++a) {
    const int start = order[static_cast<std::size_t>(a)];
    const Real sign = deviations(start) >= 0 ? Real(1) : Real(-1);
    auto problem = [&](const matrix<Real>& V) {
      vector<Real> t, t_reference;
      matrix<Real> gradients, gradients_reference;
      target.values_and_gradients(V, t, gradients);
      reference.values_and_gradients(V, t_reference, gradients_reference);
      return sphere_evaluation<Real>{false, Real(sign * (t(0) - t_reference(0))),
                                     sphere_product::project(V, matrix<Real>(sign * (gradients - gradients_reference)))};
    };
    const auto run = maximise(problem, matrix<Real>(screen.col(start)), ascent);
    result.evaluations += run.evaluations;
    if (run.value > result.sup) {
      result.sup = run.value;
      result.deviation = sign * run.value;
      result.direction = run.U.col(0);
    }
  }
  return result;
}

/// sup over unit v of |t(v) − level|: the reference of a target without a mean.
template <class Real, class Activation>
cross_deviation_result<Real> sup_cross_deviation(const target_cross_term<Real, Activation>& target,
                                                 const Real& level,
                                                 const cross_deviation_options& options)
{
  return sup_cross_deviation(target, constant_cross_term<Real>{level}, options);
}

}  // namespace twolayer
