// Riemannian L-BFGS on (S^{d−1})^M (Manopt's "solver" piece): maximises any smooth
// function given as a problem (manifold/problem.hpp) — a callable returning, at U, the value
// and the Riemannian gradient, or `degenerate` where the function is not defined. The
// conjecture search applies it to Φ (objective/phi_problem.hpp), the gap report and the
// compression to the reduced finite objective Ψ_N and to the cross-term deviation.
//
// Why L-BFGS and not a trust region: the search runs many thousands of restarts in double,
// where the cost is the number of Φ-and-gradient evaluations; L-BFGS needs one per
// iteration (a trust region would need Hessian-vector products, O(M²d) more each), and its
// superlinear convergence near non-degenerate maxima reaches a gradient norm of 1e-10 in
// a few dozen iterations. Degenerate maxima (M > d+1) converge slowly: the iteration cap
// then ends the run, reported as `stalled`, never as converged.
//
// Memory pairs (s, y) live in the ambient space and are projected onto the current tangent
// space (vector transport by projection); pairs with <s, y> ≤ 0 are skipped (the objective
// is not concave); steps come from Armijo backtracking along the retraction.
#pragma once

#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"

#include <deque>
#include <string>

namespace twolayer {

enum class search_status { converged, stalled, degenerate, diverged };

inline std::string to_string(search_status s)
{
  switch (s) {
  case search_status::converged: return "converged";
  case search_status::stalled: return "stalled";
  case search_status::degenerate: return "degenerate";
  case search_status::diverged: return "diverged";
  }
  return "?";
}

template <class Real>
struct lbfgs_options {
  Real gradient_tolerance = Real(1) / Real(10000000000LL);  // 1e-10
  int max_iterations = 2000;
  int memory = 8;
  // Not the solver's: the tolerance problem builders use to call a point degenerate (for Φ:
  // a K̂ pivot below 1e-12 π), carried here so that one options object configures a search.
  Real singular_tolerance = Real(1) / Real(1000000000000LL);
};

template <class Real>
struct lbfgs_result {
  matrix<Real> U;
  Real value = 0;  // the value reached
  Real gradient_norm = 0;
  int iterations = 0;
  int evaluations = 0;
  search_status status = search_status::stalled;
};

/// Maximises problem(U) from the unit columns of U0.
template <class Real, class Problem>
lbfgs_result<Real> maximise(const Problem& problem, const matrix<Real>& U0,
                            const lbfgs_options<Real>& options)
{
  using std::abs;
  using std::isfinite;
  using std::sqrt;
  lbfgs_result<Real> result;
  result.U = U0;

  using point = sphere_evaluation<Real>;
  auto evaluate = [&](const matrix<Real>& U) -> point {
    ++result.evaluations;
    return problem(U);
  };

  point current = evaluate(result.U);
  if (current.degenerate) {
    result.status = search_status::degenerate;
    return result;
  }
  std::deque<std::pair<matrix<Real>, matrix<Real>>> memory;  // (s, y) for −Φ
  for (result.iterations = 0;; ++result.iterations) {
    result.value = current.value;
    result.gradient_norm = sqrt(sphere_product::inner(current.gradient, current.gradient));
    if (!isfinite(result.value) || !isfinite(result.gradient_norm)) {
      result.status = search_status::diverged;
      return result;
    }
    if (result.gradient_norm <= options.gradient_tolerance) {
      result.status = search_status::converged;
      return result;
    }
    if (result.iterations >= options.max_iterations) {
      result.status = search_status::stalled;
      return result;
    }

    // Two-loop recursion on the gradient of −Φ, pairs transported to this tangent space.
    matrix<Real> q = -current.gradient;
    std::vector<Real> alphas(memory.size());
    std::vector<matrix<Real>> s_list, y_list;
    for (const auto& [s, y] : memory) {
      s_list.push_back(sphere_product::project(result.U, s));
      y_list.push_back(sphere_product::project(result.U, y));
    }
    for (int k = static_cast<int>(memory.size()) - 1; k >= 0; --k) {
      const Real rho = 1 / sphere_product::inner(y_list[k], s_list[k]);
      alphas[k] = rho * sphere_product::inner(s_list[k], q);
      q -= alphas[k] * y_list[k];
    }
    if (!memory.empty()) {
      const auto& s = s_list.back();
      const auto& y = y_list.back();
      q *= sphere_product::inner(s, y) / sphere_product::inner(y, y);
    }
    for (std::size_t k = 0; k < memory.size(); ++k) {
      const Real rho = 1 / sphere_product::inner(y_list[k], s_list[k]);
      const Real beta = rho * sphere_product::inner(y_list[k], q);
      q += (alphas[k] - beta) * s_list[k];
    }
    matrix<Real> direction = sphere_product::project(result.U, matrix<Real>(-q));  // ascent
    Real slope = sphere_product::inner(current.gradient, direction);
    if (!(slope > 0)) {  // not an ascent direction: restart from the gradient
      memory.clear();
      direction = current.gradient;
      slope = sphere_product::inner(current.gradient, direction);
    }

    // Armijo backtracking along the retraction; a step never moves a column by more than
    // a quarter turn (tangent length 1).
    Real step = 1;
    const Real largest_move = direction.colwise().norm().maxCoeff();
    if (largest_move > 1)
      step = 1 / largest_move;
    // Near convergence the predicted gain step·slope falls below the rounding of Φ and
    // Armijo's test can no longer see it: there a step is accepted when Φ holds within
    // rounding and the gradient shrinks.
    const Real rounding = 64 * Eigen::NumTraits<Real>::epsilon() * (1 + abs(current.value));
    point trial;
    matrix<Real> U_trial;
    bool accepted = false;
    for (int halving = 0; halving < 40; ++halving, step /= 2) {
      U_trial = sphere_product::retract(result.U, matrix<Real>(step * direction));
      trial = evaluate(U_trial);
      if (trial.degenerate)
        continue;
      if (trial.value >= current.value + step * slope / 10000) {
        accepted = true;
        break;
      }
      if (step * slope <= rounding && trial.value >= current.value - rounding &&
          sphere_product::inner(trial.gradient, trial.gradient) <
              sphere_product::inner(current.gradient, current.gradient)) {
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      // No ascent at any step: either coincident directions block the way or rounding has
      // taken over before the tolerance was met.
      result.status = trial.degenerate ? search_status::degenerate : search_status::stalled;
      return result;
    }
    const matrix<Real> s = U_trial - result.U;
    const matrix<Real> y = -(trial.gradient - sphere_product::project(U_trial, current.gradient));
    const matrix<Real> s_t = sphere_product::project(U_trial, s);
    if (sphere_product::inner(s_t, y) > 0) {
      memory.emplace_back(s_t, y);
      if (static_cast<int>(memory.size()) > options.memory)
        memory.pop_front();
    }
    result.U = U_trial;
    current = trial;
  }
}

}  // namespace twolayer
