// The second-order test at a critical point of an O(d)-invariant problem on (S^{d−1})^M
// (manifold/problem.hpp; for the conjecture, Φ: docs/mathematics.md §3), maximised. The
// Riemannian Hessian has zero eigenvalues along the O(d)-orbit; the Morse–Bott sufficient
// condition for a strict local maximum modulo symmetry is: exactly orbit-dimension
// eigenvalues zero, every other one negative. Verdicts (check/critical_point.hpp, the one
// classification rule of the toolkit):
//   strict_local_max  zero cluster ≤ orbit dimension (= at a correct span), all others negative;
//   degenerate        more zeros than the orbit explains, no saddle (undecided at second
//                     order — e.g. the antipodal pair, a strict maximum whose Hessian
//                     vanishes); the other eigenvalues may have either sign, but not both
//                     (`positive` says which: a positive one rules a maximum out, and
//                     check/optimum_catalogue.hpp counts such a point as not a maximum);
//                     or the problem undefined at U (for Φ: K̂ singular,
//                     geometry/feature_dependence.hpp);
//   saddle            eigenvalues of both signs beyond the threshold;
//   local_min         all non-zero eigenvalues positive.
// The threshold that calls an eigenvalue zero is stated with every verdict.
//
// At a `degenerate` point the extra zero modes are named: the zero cluster's eigenvectors
// are projected off the orbit's tangent space (spanned by (A u_j)_j for the generators
// A = e_p e_qᵀ − e_q e_pᵀ of so(d)), and along each remaining direction ξ a higher-order
// test evaluates f(t) = Φ(R_U(tξ)) − Φ(U) at t = ±10⁻², ±10⁻³, ±10⁻⁴: Φ falling on both
// sides as |t|^p (p fitted from the last two t; "falls" also when one side stays at rounding
// level and none rises) is consistent with a maximum, Φ rising on a side rules a maximum
// out, and |f| at rounding level at every t on both sides means Φ is flat along ξ
// (a continuum of optima the orbit does not explain).
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/check/critical_point.hpp"
#include "twolayer/geometry/orbit.hpp"
#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace twolayer {

/// Φ along one extra zero mode.
template <class Real>
struct higher_order_probe {
  std::string behaviour;     // "falls", "rises", or "flat"
  Real order = 0;            // fitted exponent p of |f(t)| ~ |t|^p (when it falls or rises)
  std::vector<int> neurons;  // the directions u_j it moves (1-based; ≥ 30 % of its largest move)
};

template <class Real>
struct second_order_result {
  critical_point_type verdict = critical_point_type::not_classified;
  vector<Real> eigenvalues;  // ascending
  Real zero_threshold = 0;
  int zero_modes = 0;
  int orbit_dim = 0;
  int span = 0;
  Real margin = 0;  // smallest |λ| among the non-zero eigenvalues (0 if none)
  int positive = 0;
  int negative = 0;
  std::vector<higher_order_probe<Real>> probes;  // one per extra zero mode (degenerate only)

  /// A one-line account of the extra zero modes and what the higher-order test found.
  std::string degeneracy_note() const
  {
    if (probes.empty())
      return "";
    int falls = 0, rises = 0, flat = 0;
    Real lowest = 0, highest = 0;
    for (const auto& p : probes) {
      if (p.behaviour == "falls") {
        lowest = falls == 0 || p.order < lowest ? p.order : lowest;
        highest = falls == 0 || p.order > highest ? p.order : highest;
        ++falls;
      }
      rises += p.behaviour == "rises";
      flat += p.behaviour == "flat";
    }
    std::string note = std::to_string(probes.size()) + " extra zero mode(s):";
    if (falls > 0) {
      char buffer[96];
      std::snprintf(buffer, sizeof buffer, " %d where Phi falls on both sides as |t|^%.1f", falls,
                    static_cast<double>(lowest));
      note += buffer;
      if (highest - lowest > Real(1) / 10) {
        std::snprintf(buffer, sizeof buffer, "..%.1f", static_cast<double>(highest));
        note += buffer;
      }
      note += ";";
    }
    if (flat > 0)
      note += " " + std::to_string(flat) + " flat to working precision (a continuum of optima);";
    if (rises > 0)
      note += " " + std::to_string(rises) + " where Phi rises (not a local maximum);";
    note.pop_back();
    std::vector<int> moved;
    for (const auto& p : probes)
      for (int j : p.neurons)
        if (std::find(moved.begin(), moved.end(), j) == moved.end())
          moved.push_back(j);
    std::sort(moved.begin(), moved.end());
    note += " (moving neuron";
    note += moved.size() > 1 ? "s" : "";
    for (std::size_t i = 0; i < moved.size(); ++i) {
      note += i ? "," : " ";  // not `literal + string&&`: GCC 12's -Wrestrict false positive (its PR 105329)
      note += std::to_string(moved[i]);
    }
    note += ")";
    return note;
  }
};

/// The directions (columns, in the coordinates of sphere_product::tangent_bases(U)) of the zero cluster
/// orthogonal to the orbit of the symmetry group. The orbit's tangent space is spanned by (A u_j)_j over the
/// generators A = b_p b_qᵀ − b_q b_pᵀ of the group's Lie algebra (geometry/orbit.hpp: B = I for O(d));
/// its dimension is `orbit_dim` (from the span, geometry/orbit.hpp),
/// and the `orbit_dim` leading left singular vectors of the generators' images are taken as
/// its basis — so the count of extra modes agrees with the orbit the verdict uses, also at a
/// polished point a distance δ from a lower-span configuration, where the images of the
/// generators that fix the exact point are O(δ), not zero.
template <class Real>
matrix<Real> extra_zero_directions(const matrix<Real>& U, const matrix<Real>& zero_cluster, int orbit_dim,
                                   const rotation_symmetry<Real>& symmetry)
{
  const int d = static_cast<int>(U.rows());
  const int M = static_cast<int>(U.cols());
  const matrix<Real>& B = symmetry.acting_basis();
  const int m = static_cast<int>(B.cols());
  const matrix<Real> T = sphere_product::tangent_bases(U);
  const matrix<Real> coordinates = B.transpose() * U;  // <b_p, u_j>
  matrix<Real> orbit(T.cols(), m * (m - 1) / 2);  // in tangent coordinates
  int generator = 0;
  for (int p = 0; p < m; ++p)
    for (int q = p + 1; q < m; ++q, ++generator) {
      vector<Real> w = vector<Real>::Zero(d * M);
      for (int j = 0; j < M; ++j)  // (b_p b_qᵀ − b_q b_pᵀ) u_j
        w.segment(j * d, d) = B.col(p) * coordinates(q, j) - B.col(q) * coordinates(p, j);
      orbit.col(generator) = T.transpose() * w;
    }
  matrix<Real> off_orbit = zero_cluster;
  if (orbit.cols() > 0 && orbit_dim > 0) {
    Eigen::JacobiSVD<matrix<Real>> svd(orbit, Eigen::ComputeThinU);
    const Eigen::Index rank = std::min<Eigen::Index>(orbit_dim, svd.singularValues().size());
    const matrix<Real> Q = svd.matrixU().leftCols(rank);
    off_orbit -= Q * (Q.transpose() * zero_cluster);
  }
  if (off_orbit.cols() == 0)
    return off_orbit;
  Eigen::JacobiSVD<matrix<Real>> svd(off_orbit, Eigen::ComputeThinU);
  int extra = 0;
  for (Eigen::Index i = 0; i < svd.singularValues().size(); ++i)
    extra += svd.singularValues()(i) > Real(1) / 2;  // ~1 off the orbit, ~0 along it
  return svd.matrixU().leftCols(extra);
}

/// The same for the full O(d).
template <class Real>
matrix<Real> extra_zero_directions(const matrix<Real>& U, const matrix<Real>& zero_cluster, int orbit_dim)
{
  return extra_zero_directions(U, zero_cluster, orbit_dim, rotation_symmetry<Real>::full(U.rows()));
}

/// The higher-order test along a tangent direction xi (coordinates of sphere_product::tangent_bases(U)).
template <class Real, class Problem>
  requires riemannian_problem<Problem, Real>
higher_order_probe<Real> probe_direction(const Problem& problem, const matrix<Real>& U, const vector<Real>& xi)
{
  using std::abs;
  using std::log10;
  const vector<Real> ambient = sphere_product::tangent_bases(U) * xi;
  const matrix<Real> direction = Eigen::Map<const matrix<Real>>(ambient.data(), U.rows(), U.cols());
  const Real phi = problem(U).value;
  const vector<Real> moves = direction.colwise().norm().transpose();
  std::vector<int> neurons;
  for (Eigen::Index j = 0; j < moves.size(); ++j)
    if (moves(j) >= 3 * moves.maxCoeff() / 10)
      neurons.push_back(static_cast<int>(j) + 1);
  auto change = [&](const Real& t) {
    const auto moved = problem(sphere_product::retract(U, matrix<Real>(t * direction)));
    return moved.degenerate ? Real(0) : Real(moved.value - phi);
  };
  const Real rounding = 1000 * Eigen::NumTraits<Real>::epsilon() * abs(phi);
  const std::vector<Real> steps{Real(1) / 100, Real(1) / 1000, Real(1) / 10000};
  bool rises = false, flat = true;  // otherwise it falls (at or below rounding where it does not)
  std::vector<Real> sizes;
  for (const Real& t : steps) {
    const Real forward = change(t), backward = change(Real(-t));
    sizes.push_back((abs(forward) + abs(backward)) / 2);
    flat = flat && abs(forward) <= rounding && abs(backward) <= rounding;
    rises = rises || forward > rounding || backward > rounding;
  }
  higher_order_probe<Real> probe;
  probe.neurons = neurons;
  if (flat) {
    probe.behaviour = "flat";
    return probe;
  }
  probe.behaviour = rises ? "rises" : "falls";
  // p from the two smallest steps whose changes are above rounding
  for (std::size_t i = steps.size() - 1; i >= 1; --i)
    if (sizes[i] > rounding && sizes[i - 1] > rounding) {
      probe.order = log10(sizes[i - 1] / sizes[i]) / log10(steps[i - 1] / steps[i]);
      break;
    }
  return probe;
}

/// The zero threshold the reports use at a point with Riemannian gradient norm ‖g‖ and a
/// Hessian whose largest eigenvalue modulus is `largest_modulus` = max|λ|:
/// max(√ε, 1000 √‖g‖) · max(1, max|λ|). Orbit eigenvalues are O(‖g‖) at a near-critical
/// point; along a degenerate direction where Φ changes as |t|³ an eigenvalue is O(√‖g‖) (the
/// point lies O(√‖g‖) from the optimum); genuine curvature is O(1). Φ and its Hessian are O(1)
/// numbers, so the scale is absolute once max|λ| is below 1 (at the antipodal pair every
/// eigenvalue is tiny, and a relative threshold would call them all non-zero).
template <class Real>
Real zero_threshold_for(const Real& gradient_norm, const Real& largest_modulus)
{
  using std::sqrt;
  const Real floor = sqrt(Eigen::NumTraits<Real>::epsilon());
  const Real from_gradient = 1000 * sqrt(gradient_norm);
  const Real scale = largest_modulus > 1 ? largest_modulus : Real(1);
  return (from_gradient > floor ? from_gradient : floor) * scale;
}

/// Classifies the critical point U of `problem` (maximised, invariant under `symmetry`).
/// `zero_threshold` is absolute (zero_threshold_for above is the reports' choice). The span and
/// the orbit dimension (the expected zero modes) come from Gram ranks at `singular_tolerance`
/// (geometry/orbit.hpp).
template <class Real, class Problem>
  requires riemannian_problem_with_hessian<Problem, Real>
second_order_result<Real> second_order_test(const Problem& problem, const matrix<Real>& U, const Real& zero_threshold,
                                            const Real& singular_tolerance, const rotation_symmetry<Real>& symmetry)
{
  second_order_result<Real> result;
  result.zero_threshold = zero_threshold;
  result.span = span_dimension(U, singular_tolerance);
  result.orbit_dim = symmetry.orbit_dimension_of(U, singular_tolerance);
  const matrix<Real> hessian = problem.hessian(U);
  if (hessian.size() == 0) {
    result.verdict = critical_point_type::degenerate;  // undefined there (Φ: K̂ singular)
    return result;
  }
  Eigen::SelfAdjointEigenSolver<matrix<Real>> solver(hessian, Eigen::EigenvaluesOnly);
  result.eigenvalues = solver.eigenvalues();
  const auto c = classify_critical_point(result.eigenvalues, zero_threshold, result.orbit_dim,
                                         optimisation_sense::maximise);
  result.verdict = c.type;
  result.zero_modes = c.zero_modes;
  result.positive = c.positive;
  result.negative = c.negative;
  result.margin = c.margin;
  if (result.verdict == critical_point_type::degenerate) {
    using std::abs;
    Eigen::SelfAdjointEigenSolver<matrix<Real>> vectors(hessian);
    std::vector<Eigen::Index> zero;
    for (Eigen::Index i = 0; i < vectors.eigenvalues().size(); ++i)
      if (abs(vectors.eigenvalues()(i)) <= zero_threshold)
        zero.push_back(i);
    matrix<Real> cluster(hessian.rows(), static_cast<Eigen::Index>(zero.size()));
    for (std::size_t i = 0; i < zero.size(); ++i)
      cluster.col(static_cast<Eigen::Index>(i)) = vectors.eigenvectors().col(zero[i]);
    const matrix<Real> extra = extra_zero_directions(U, cluster, result.orbit_dim, symmetry);
    for (Eigen::Index i = 0; i < extra.cols(); ++i)
      result.probes.push_back(probe_direction(problem, U, vector<Real>(extra.col(i))));
  }
  return result;
}

/// The same for a problem invariant under all of O(d) (Φ, and Ψ of an isotropic target).
template <class Real, class Problem>
  requires riemannian_problem_with_hessian<Problem, Real>
second_order_result<Real> second_order_test(const Problem& problem, const matrix<Real>& U, const Real& zero_threshold,
                                            const Real& singular_tolerance)
{
  return second_order_test(problem, U, zero_threshold, singular_tolerance, rotation_symmetry<Real>::full(U.rows()));
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_SECOND_ORDER(EXTERN, Real)                                                    \
  EXTERN template matrix<Real> extra_zero_directions(const matrix<Real>&, const matrix<Real>&, int);   \
  EXTERN template Real zero_threshold_for(const Real&, const Real&);
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_SECOND_ORDER)

}  // namespace twolayer
