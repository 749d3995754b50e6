// One case (d, M, R) of the orientation study (docs/mathematics.md §2.1): where the optimal
// compressed network of a relu target with a mean points, and whether it is a simplex ETF.
//
//   1. search: uniform L-BFGS restarts in double on Ψ(U) = tᵀG⁻¹t with t_j = T(<u_j, μ̂>)
//      (objective/mean_shifted_cross_term.hpp), deduplicated into basins (optimize/multi_start.hpp);
//   2. the best basin polished by Newton in Real (Hessian by dual numbers) and classified by the
//      second-order test modulo the rotations fixing μ̂ (all of O(d) at R = 0), whose orbit gives
//      the expected zero modes (geometry/orbit.hpp);
//   3. what it is: the loss relative to E[F²]; the cosines <u_j, μ̂>, sorted; ‖P_span μ̂‖, the
//      cosine between μ̂ and the span of the directions; whether the directions, and their
//      normalised projections onto μ̂^⊥, form a simplex ETF; the scales s = G⁻¹t and how many are
//      negative; a name for the pattern, from these numbers;
//   4. against the best oriented simplex ETF (M ≤ d + 1): Ψ at Q E over rotations Q, E the
//      simplex ETF with its scales optimised. Ψ(Q E) depends on Q only through z = Qᵀμ̂ (the
//      cosines are Eᵀz), so this is a maximisation over one unit vector z: multi-start L-BFGS in
//      double, then L-BFGS in Real. The gap Ψ_best − Ψ_ETF and the largest distance of the
//      optimum's off-diagonal Gram entries from −1/(M − 1) answer "is the optimum an ETF?";
//   5. for d ≤ options.etf_bound_max_d, branch and bound over every orientation z
//      (check/oriented_etf_bound.hpp) decides whether every rotated simplex ETF stays below Ψ_best,
//      independently of the search of step 4.
//
// μ̂ is the normalised all-ones vector (the mean of i.i.d. weights with a common mean). Basins are
// told apart by value and Gram invariants (optimize/multi_start.hpp): two optima with one Gram
// matrix and different orientations count as one basin only if their values agree to 10⁻⁹.
#pragma once

#include "twolayer/check/oriented_etf_bound.hpp"
#include "twolayer/check/second_order.hpp"
#include "twolayer/geometry/invariants.hpp"
#include "twolayer/geometry/orbit.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/mean_shifted_cross_term.hpp"
#include "twolayer/objective/reduced_loss_problem.hpp"
#include "twolayer/optimize/lbfgs.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "twolayer/optimize/newton_polish.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace twolayer {

struct orientation_options {
  long restarts = 200;
  multi_start_options search;  // seed, L-BFGS settings, basin tolerances
  long etf_starts = 16;        // random z for the best oriented ETF
  unsigned etf_bound_max_d = 4;  // the branch and bound over the orientations up to this d
  oriented_etf_bound_options etf_bound;
  int polish_iterations = 100;
  unsigned threads = 1;
  std::function<void(long done, long total)> progress;  // called after each batch of restarts
};

/// Ψ at the simplex ETF E turned so that E's frame sees μ̂ as z: t_j = T(<e_j, z>), z ∈ S^{d−1}
/// (a problem on (S^{d−1})^1, manifold/problem.hpp).
template <class Real>
struct oriented_etf_problem {
  unsigned d;
  const std::vector<Real>* series;  // T's zonal series (gaussian/mean_shifted_relu.hpp)
  matrix<Real> etf;                 // E, d × M
  Real singular_tolerance;

  sphere_evaluation<Real> operator()(const matrix<Real>& z) const
  {
    const Eigen::Index M = etf.cols();
    const vector<Real> cosines = etf.transpose() * z.col(0);
    vector<Real> t(M), slopes(M);
    for (Eigen::Index j = 0; j < M; ++j) {
      const dual<Real> at = sphere_legendre_series(d, *series, dual<Real>(cosines(j), Real(1)));
      t(j) = at.value;
      slopes(j) = at.derivative;
    }
    auto projected = project_scales<Real>(angular_gram(activation::relu{}, etf), &t, singular_tolerance);
    if (projected.degenerate)
      return {true, Real(0), matrix<Real>()};
    matrix<Real> euclidean(z.rows(), 1);
    euclidean.col(0) = etf * vector<Real>(2 * projected.scales.cwiseProduct(slopes));  // dΨ = 2 yᵀ dt
    return {false, projected.value, sphere_product::project(z, euclidean)};
  }
};

template <class Real>
struct orientation_result {
  unsigned d = 0;
  int M = 0;
  std::string mean_ratio;  // R as given
  search_catalogue catalogue;
  long converged_restarts = 0;

  // The best basin, polished and classified in Real.
  matrix<Real> U;
  Real psi = 0, second_moment = 0, relative_loss = 0, gradient_norm = 0;
  bool polished = false;  // Newton reached its target
  second_order_result<Real> second_order;
  vector<Real> scales;
  int negative_scales = 0;
  std::vector<Real> cosines;  // <u_j, μ̂>, largest first
  Real mean_in_span = 0;      // ‖P_span(U) μ̂‖
  int etf_size = 0;           // the directions form a simplex ETF of this many (0: no)
  int complement_etf_size = 0;  // the same for their normalised projections onto μ̂^⊥
  std::string pattern;

  // The best oriented simplex ETF (M ≤ d + 1).
  bool etf_exists = false;
  Real etf_psi = 0;
  Real etf_gap = 0;            // Ψ_best − Ψ_ETF
  Real etf_gram_distance = 0;  // max_{j≠k} |<u_j, u_k> + 1/(M − 1)|
  std::vector<Real> etf_cosines;  // <e_j, z*>, largest first
  // The branch and bound over every orientation against Ψ_best (d ≤ etf_bound_max_d).
  std::optional<oriented_etf_bound_result<double>> etf_bound;
};

namespace detail {

/// A name for the configuration's relation to μ̂, read off the numbers (tolerance on cosines).
template <class Real>
std::string orientation_pattern(const std::vector<Real>& cosines, const Real& mean_in_span, const Real& tolerance)
{
  using std::abs;
  if (mean_in_span < tolerance)
    return "mean orthogonal to the span";
  std::string name;
  const bool along = abs(Real(cosines.front() - 1)) < tolerance;
  const bool against = abs(Real(cosines.back() + 1)) < tolerance;
  if (along)
    name = "a vertex along the mean";
  if (against)
    name += name.empty() ? "a vertex against the mean" : ", a vertex against the mean";
  if (!name.empty())
    return name;
  int top = 1;
  while (top < static_cast<int>(cosines.size()) && abs(Real(cosines[top] - cosines.front())) < tolerance)
    ++top;
  if (top == 1)
    return "one direction nearest the mean";
  return "a face of " + std::to_string(top) + " towards the mean";
}

}  // namespace detail

/// The orientation case (d, M, R) with verification precision Real (the working precision in
/// force; see numeric/scalar.hpp for run-time precision).
template <class Real>
orientation_result<Real> analyse_orientation_case(unsigned d, int M, const std::string& mean_ratio,
                                                  const orientation_options& options)
{
  using std::abs;
  using std::pow;
  using std::sqrt;
  if (M < 1 || d < 2)
    throw std::domain_error("twolayer: an orientation case needs d >= 2 and M >= 1");
  orientation_result<Real> r;
  r.d = d;
  r.M = M;
  r.mean_ratio = mean_ratio;
  const quadrature_rules<Real> rules;
  const mean_shifted_relu_target<double> target_double(d, std::stod(mean_ratio));
  const mean_shifted_relu_target<Real> target(d, Real(mean_ratio), Real(1), Real(1), rules);
  const vector<Real> axis = vector<Real>::Constant(d, Real(1) / sqrt(Real(d)));
  const vector<double> axis_double = vector<double>::Constant(d, 1 / std::sqrt(double(d)));
  const mean_shifted_cross_term<double> cross_double(target_double, axis_double);
  const mean_shifted_cross_term<Real> cross(target, axis);
  const mean_shifted_cross_term<dual<Real>> dual_cross(target, axis);
  r.second_moment = target.second_moment();

  // 1. search
  const auto search = finite_reduced_problem(cross_double, activation::relu{}, options.search.search.singular_tolerance);
  const long batch = 64;
  for (long first = 0; first < options.restarts; first += batch) {
    const long count = std::min(batch, options.restarts - first);
    run_restarts(search, M, static_cast<int>(d), static_cast<std::uint64_t>(first), static_cast<std::uint64_t>(count),
                 options.search, r.catalogue, options.threads);
    if (options.progress)
      options.progress(first + count, options.restarts);
  }
  r.converged_restarts = r.catalogue.outcomes[search_status::converged];
  const basin* best = r.catalogue.best();
  if (!best)
    throw std::runtime_error("twolayer: no restart of the orientation case converged");

  // 2. polish and classify
  const Real epsilon = Eigen::NumTraits<Real>::epsilon();
  const Real singular_tolerance = sqrt(epsilon);
  const reduced_loss_problem problem(cross, dual_cross, activation::relu{}, singular_tolerance);
  const Real target_norm = pow(Real(10), -decimal_digits<Real>() + 5);
  const auto polish = newton_polish(problem, matrix<Real>(best->representative.cast<Real>()), target_norm,
                                    options.polish_iterations);
  r.U = polish.U;
  r.psi = polish.value;
  r.gradient_norm = polish.gradient_norms.empty() ? Real(0) : polish.gradient_norms.back();
  r.polished = polish.converged && !polish.degenerate;
  // At R = 0 the target is isotropic and the whole O(d) is a symmetry.
  const auto symmetry = target.mean_ratio() == 0 ? rotation_symmetry<Real>::full(d) : rotation_symmetry<Real>::fixing(axis);
  if (r.polished) {
    const matrix<Real> hessian = problem.hessian(r.U);
    const Real largest = hessian.size() == 0 ? Real(0)
                                             : Real(Eigen::SelfAdjointEigenSolver<matrix<Real>>(hessian, Eigen::EigenvaluesOnly)
                                                        .eigenvalues()
                                                        .cwiseAbs()
                                                        .maxCoeff());
    r.second_order =
        second_order_test(problem, r.U, zero_threshold_for(r.gradient_norm, largest), singular_tolerance, symmetry);
  } else {
    r.second_order.verdict = critical_point_type::not_classified;
  }
  r.relative_loss = (r.second_moment - r.psi) / r.second_moment;

  // 3. what it is
  const auto values = reduced_loss(activation::relu{}, r.U, cross.values(r.U), static_cast<const matrix<Real>*>(nullptr),
                                   singular_tolerance);
  if (!values.degenerate) {
    r.scales = values.scales;
    for (Eigen::Index j = 0; j < r.scales.size(); ++j)
      r.negative_scales += r.scales(j) < 0;
  }
  const vector<Real> cosines = r.U.transpose() * axis;
  r.cosines.assign(cosines.data(), cosines.data() + cosines.size());
  std::sort(r.cosines.begin(), r.cosines.end(), [](const Real& a, const Real& b) { return a > b; });
  {
    // ‖P_span μ̂‖ from an orthonormal basis of the span (the left singular vectors of U above √ε).
    Eigen::JacobiSVD<matrix<Real>> svd(r.U, Eigen::ComputeThinU);
    Real projected = 0;
    for (Eigen::Index i = 0; i < svd.singularValues().size(); ++i)
      if (svd.singularValues()(i) > singular_tolerance * svd.singularValues()(0)) {
        const Real c = svd.matrixU().col(i).dot(axis);
        projected += c * c;
      }
    r.mean_in_span = sqrt(projected);
  }
  const Real shape_tolerance = sqrt(sqrt(epsilon));
  r.etf_size = simplex_etf_size(r.U, shape_tolerance);
  {
    matrix<Real> complement = r.U - axis * (axis.transpose() * r.U);
    bool all_nonzero = true;
    for (Eigen::Index j = 0; j < complement.cols(); ++j) {
      const Real norm = complement.col(j).norm();
      all_nonzero = all_nonzero && norm > shape_tolerance;
      if (norm > 0)
        complement.col(j) /= norm;
    }
    r.complement_etf_size = all_nonzero ? simplex_etf_size(complement, shape_tolerance) : 0;
  }
  r.pattern = target.mean_ratio() == 0
                  ? std::string("any orientation (isotropic target)")
                  : detail::orientation_pattern(r.cosines, r.mean_in_span, Real(1000 * sqrt(r.gradient_norm + epsilon)));

  // 4. the best oriented simplex ETF
  if (M >= 2 && M <= static_cast<int>(d) + 1) {
    r.etf_exists = true;
    const oriented_etf_problem<double> etf_search{d, &target_double.series(), simplex_etf<double>(M, static_cast<int>(d)),
                                                  options.search.search.singular_tolerance};
    lbfgs_result<double> top;
    bool found = false;
    for (long k = 0; k < options.etf_starts; ++k) {
      const auto run = maximise(etf_search, sphere_product::random_point(1, static_cast<int>(d),
                                                                         restart_seed(options.search.seed + 1, M, static_cast<int>(d),
                                                                                      static_cast<std::uint64_t>(k))),
                                options.search.search);
      if (!found || run.value > top.value) {
        top = run;
        found = true;
      }
    }
    const oriented_etf_problem<Real> etf_problem{d, &target.series(), simplex_etf<Real>(M, static_cast<int>(d)),
                                                 singular_tolerance};
    lbfgs_options<Real> fine;
    fine.gradient_tolerance = target_norm;
    fine.max_iterations = 500;
    const auto polished_etf = maximise(etf_problem, matrix<Real>(top.U.cast<Real>()), fine);
    r.etf_psi = polished_etf.value;
    r.etf_gap = r.psi - r.etf_psi;
    const vector<Real> etf_cosines = etf_problem.etf.transpose() * polished_etf.U.col(0);
    r.etf_cosines.assign(etf_cosines.data(), etf_cosines.data() + etf_cosines.size());
    std::sort(r.etf_cosines.begin(), r.etf_cosines.end(), [](const Real& a, const Real& b) { return a > b; });
    const matrix<Real> gram = r.U.transpose() * r.U;
    const Real off = Real(-1) / Real(M - 1);
    for (int j = 0; j < M; ++j)
      for (int k = 0; k < M; ++k)
        if (j != k && abs(Real(gram(j, k) - off)) > r.etf_gram_distance)
          r.etf_gram_distance = abs(Real(gram(j, k) - off));
    // 5. every orientation at once (at R = 0 Ψ does not depend on z: nothing to bound)
    if (d <= options.etf_bound_max_d && target.mean_ratio() != 0) {
      const matrix<double> etf = simplex_etf<double>(M, static_cast<int>(d));
      r.etf_bound = oriented_etf_bound<double>(d, target_double.series(), etf, angular_gram(activation::relu{}, etf),
                                               static_cast<double>(r.psi), options.etf_bound);
    }
  }
  return r;
}

}  // namespace twolayer
