// A computer-assisted proof that a critical point of Φ is a strict local maximum modulo
// O(d) (docs/mathematics.md §3, Morse–Bott), in MPFI interval arithmetic from rigorous primitives
// only (+ − × ÷, sqrt, acos, π; docs/numerics.md).
//
// The argument, step by step:
//  1. Criticality is not computed: it must come with the configuration, from a symmetry
//     argument (for the simplex ETF: y is constant and Σ_k u_k = 0, docs/mathematics.md §3). An enclosure
//     of the gradient that contains 0 would prove nothing; it is used only to refute (an
//     enclosure that excludes 0 proves the point is not critical).
//  2. The configuration U is enclosed (for the ETF: the Helmert construction, whose square
//     roots and quotients MPFI rounds outward), and so is every quantity of the Hessian
//     formula of objective/reduced_hessian.hpp: cosines, arccosines, sines, K̂⁻¹ (by an
//     interval Cholesky solve), the pair and curvature terms.
//  3. A basis T of the tangent space: a floating-point orthonormal basis at the midpoint,
//     projected exactly (in intervals) onto u_j^⊥, and shown to be a basis (‖TᵀT − I‖_∞ < 1)
//     — any basis will do, since only the inertia of the Hessian is used. H = Tᵀ A T is
//     enclosed in an interval matrix [H].
//  4. An approximate eigenvector matrix Q of mid([H]) (floating point, any precision) and the
//     interval matrix C = Qᵀ([H] + m I)Q. Q is shown nonsingular (‖QᵀQ − I‖_∞ < 1, enclosed),
//     so by Sylvester's law of inertia H + m I and C have the same number of negative
//     eigenvalues, for every H in [H].
//  5. Gershgorin on C: the discs of the n − z rows away from the zero cluster lie in
//     (−∞, 0) and are disjoint from the union of the z discs of the cluster; so at least
//     n − z eigenvalues of C are negative and H has at least n − z eigenvalues below −m.
//  6. The orbit's tangent space (dimension z = d(d−1)/2 − (d−r)(d−r−1)/2, exact) lies in
//     the kernel of the Hessian at a critical point of an O(d)-invariant function. Hence H
//     has exactly z zero eigenvalues and all others are at most −m: a strict local maximum
//     modulo symmetry.
//  7. The size of the margin. m is chosen, not found: half the smallest |λ| of mid([H])
//     outside the cluster (so the certified m is by construction half the Hessian's margin,
//     and the proof succeeds whenever [H] is narrow enough). H = TᵀAT is the Hessian in the
//     basis T, which is only proven to satisfy δ = ‖TᵀT − I‖_∞ < 1, not to be orthonormal;
//     by Ostrowski's theorem the eigenvalues of the Hessian A in an orthonormal basis of the
//     tangent space are those of H divided by factors in [λ_min(TᵀT), λ_max(TᵀT)] ⊂
//     [1 − δ, 1 + δ] (the 2-norm of the symmetric TᵀT − I is at most its ∞-norm). So every
//     non-orbit eigenvalue of A is at most −m/(1 + δ): that enclosure's lower end is the
//     certified margin. The sign conclusion (steps 4–6) needs only that T is a basis.
// Anything that fails — a Cholesky pivot not provably positive, an overlapping or
// non-negative disc, Q not provably nonsingular, an orbit dimension that leaves no direction
// off the orbit — ends the attempt with the reason; it never reports "certified".
//
// Literature (docs/mathematics.md §8): Moore 1966 and Rump 2010 (verified computation); Alefeld and
//   Mayer 1993 (interval Cholesky); Gershgorin 1931; Ostrowski 1959 (inertia under congruence).
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/geometry/orbit.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/numeric/interval_linear_algebra.hpp"
#include "twolayer/numeric/scalar.hpp"
#include "twolayer/objective/reduced_hessian.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <string>
#include <type_traits>
#include <utility>

namespace twolayer {

template <class Interval>
struct strict_max_certificate {
  bool certified = false;
  std::string reason;     // why not, when not
  int dimension = 0;      // of the tangent space, M(d − 1)
  int orbit_dim = 0;      // the zero modes the symmetry accounts for
  Interval margin;        // every other eigenvalue of the Hessian (orthonormal basis) is ≤ −margin
  Interval shift;         // m: half the smallest non-orbit |λ| of mid([H]), by construction
  Interval basis_defect;  // an enclosure of ‖TᵀT − I‖_∞ (< 1: T is a basis)
  double widest_entry = 0;  // largest radius of an entry of [H]
};

/// An enclosure [H] of the Riemannian Hessian of Φ at the configuration enclosed by U_box
/// (columns unit vectors), in the tangent bases T_box; K̂ must be provably positive definite.
/// Returns an empty matrix (and the reason) when the interval Cholesky factorisation fails.
template <class Interval>
matrix<Interval> reduced_objective_hessian_enclosure(const matrix<Interval>& U, const matrix<Interval>& T,
                                                     std::string& reason)
{
  using std::acos;
  using std::sqrt;
  const int d = static_cast<int>(U.rows());
  const int M = static_cast<int>(U.cols());
  const int n = d * M;
  const Interval pi_value = boost::math::constants::pi<Interval>();
  matrix<Interval> rho(M, M), slope(M, M), sine(M, M);
  matrix<Interval> K(M, M);
  for (int j = 0; j < M; ++j)
    for (int k = 0; k < M; ++k) {
      if (j == k) {
        K(j, k) = pi_value;  // k(1) = π exactly
        continue;
      }
      rho(j, k) = U.col(j).dot(U.col(k));
      // |ρ| ≤ 1 for unit vectors; clip the enclosure to the domain of acos and sqrt
      rho(j, k) = boost::multiprecision::intersect(rho(j, k), Interval(-1, 1));
      sine(j, k) = sqrt(Interval((1 - rho(j, k)) * (1 + rho(j, k))));
      slope(j, k) = acos(Interval(-rho(j, k)));  // k'(ρ) = π − arccos ρ = arccos(−ρ)
      K(j, k) = sine(j, k) + slope(j, k) * rho(j, k);
    }
  matrix<Interval> y_column;
  if (!interval_cholesky_solve(K, matrix<Interval>(matrix<Interval>::Ones(M, 1)), y_column)) {
    reason = "the interval Cholesky factorisation of K-hat failed (a pivot not provably positive)";
    return matrix<Interval>();
  }
  const vector<Interval> y = y_column.col(0);

  matrix<Interval> ambient = matrix<Interval>::Zero(n, n);
  matrix<Interval> B = matrix<Interval>::Zero(M, n);
  matrix<Interval> gradient = matrix<Interval>::Zero(d, M);
  for (int j = 0; j < M; ++j)
    for (int k = 0; k < M; ++k) {
      if (k == j)
        continue;
      gradient.col(j) -= 2 * y(j) * y(k) * slope(j, k) * U.col(k);
      vector<Interval> pair = vector<Interval>::Zero(n);
      pair.segment(j * d, d) = U.col(k) - rho(j, k) * U.col(j);
      pair.segment(k * d, d) = U.col(j) - rho(j, k) * U.col(k);
      B.row(j) += slope(j, k) * y(k) * pair.transpose();
      const Interval weight = y(j) * y(k);
      if (interval_lower(sine(j, k)) > interval_real<Interval>(0)) {
        ambient -= weight * (pair * pair.transpose()) / sine(j, k);
      } else {
        // sin θ may vanish (an antipodal pair): |ã|² = 2 sin²θ for unit vectors, so every
        // entry of ããᵀ/sin θ lies in [−2 sin θ, 2 sin θ] ⊂ [−2s⁺, 2s⁺], s⁺ = upper(sin θ)
        const Interval bound = 2 * Interval(interval_upper(sine(j, k)));
        const Interval entry(interval_lower(Interval(-bound)), interval_upper(bound));
        for (int a : {j, k})
          for (int b : {j, k})
            ambient.block(a * d, b * d, d, d).array() -= weight * entry;
      }
      ambient.block(j * d, k * d, d, d).diagonal().array() -= weight * slope(j, k);
      ambient.block(k * d, j * d, d, d).diagonal().array() -= weight * slope(j, k);
    }
  matrix<Interval> K_inverse_B;
  interval_cholesky_solve(K, B, K_inverse_B);
  ambient += 2 * B.transpose() * K_inverse_B;
  for (int j = 0; j < M; ++j)
    ambient.block(j * d, j * d, d, d).diagonal().array() -= U.col(j).dot(gradient.col(j));
  matrix<Interval> H = T.transpose() * ambient * T;
  return (H + H.transpose()) / 2;
}

/// An enclosure of the Riemannian gradient of Φ at the configuration enclosed by U.
template <class Interval>
matrix<Interval> reduced_objective_gradient_enclosure(const matrix<Interval>& U, bool& solved)
{
  using std::acos;
  const int M = static_cast<int>(U.cols());
  matrix<Interval> K(M, M);
  for (int j = 0; j < M; ++j)
    for (int k = 0; k < M; ++k) {
      if (j == k) {
        K(j, k) = boost::math::constants::pi<Interval>();
        continue;
      }
      const Interval rho = boost::multiprecision::intersect(Interval(U.col(j).dot(U.col(k))), Interval(-1, 1));
      K(j, k) = sqrt(Interval((1 - rho) * (1 + rho))) + acos(Interval(-rho)) * rho;
    }
  matrix<Interval> y;
  solved = interval_cholesky_solve(K, matrix<Interval>(matrix<Interval>::Ones(M, 1)), y);
  matrix<Interval> gradient = matrix<Interval>::Zero(U.rows(), M);
  if (!solved)
    return gradient;
  for (int j = 0; j < M; ++j) {
    for (int k = 0; k < M; ++k)
      if (k != j) {
        const Interval rho = boost::multiprecision::intersect(Interval(U.col(j).dot(U.col(k))), Interval(-1, 1));
        gradient.col(j) -= 2 * y(j, 0) * y(k, 0) * acos(Interval(-rho)) * U.col(k);
      }
    gradient.col(j) -= U.col(j) * Interval(U.col(j).dot(gradient.col(j)));
  }
  return gradient;
}

/// The certificate for a configuration enclosed by U_box, critical by a symmetry argument
/// (the caller's responsibility: step 1), whose Hessian the O(d) orbit gives `orbit_dim`
/// zero modes (d(d−1)/2 − (d−r)(d−r−1)/2 for a span r the caller knows exactly).
template <class Interval>
strict_max_certificate<Interval> certify_strict_local_max(const matrix<Interval>& U_box, int orbit_dim)
{
  using Real = interval_real<Interval>;
  using std::abs;
  strict_max_certificate<Interval> result;
  const int d = static_cast<int>(U_box.rows());
  const int M = static_cast<int>(U_box.cols());
  result.dimension = M * (d - 1);
  result.orbit_dim = orbit_dim;
  // The claim is about the directions the orbit does not account for. An orbit dimension the
  // group cannot have, or one that leaves no such direction, leaves nothing to certify:
  // refused, never "certified" with an empty margin (docs/mathematics.md §6.2).
  const int largest_orbit = orbit_dimension(d, std::min(d, M));
  if (orbit_dim < 0 || orbit_dim > largest_orbit) {
    result.reason = "orbit dimension ";  // appended: see docs/numerics.md §9 on GCC 12
    result.reason += std::to_string(orbit_dim);
    result.reason += " is impossible: an O(d) orbit of ";
    result.reason += std::to_string(M);
    result.reason += " directions in R^";
    result.reason += std::to_string(d);
    result.reason += " has dimension 0 to ";
    result.reason += std::to_string(largest_orbit);
    return result;
  }
  if (orbit_dim >= result.dimension) {
    result.reason = "every tangent direction is an orbit mode: no curvature off the orbit to certify";
    return result;
  }
  matrix<Real> U_mid(d, M);
  for (int j = 0; j < M; ++j) {
    for (int i = 0; i < d; ++i)
      U_mid(i, j) = Real(boost::multiprecision::median(U_box(i, j)));
    U_mid.col(j).normalize();
  }

  // 1. criticality is the caller's (symmetry) argument; a gradient enclosure that excludes 0
  //    refutes it, one that contains 0 proves nothing and is not used as evidence
  bool solved = false;
  const matrix<Interval> gradient = reduced_objective_gradient_enclosure(U_box, solved);
  for (Eigen::Index i = 0; i < gradient.size(); ++i)
    if (solved && !boost::multiprecision::zero_in(gradient(i))) {
      result.reason = "not a critical point: the gradient enclosure excludes 0 (component " +
                      Real(interval_lower(gradient(i))).str(3, std::ios_base::scientific) + " ...)";
      return result;
    }

  // 3. a tangent basis: floating at the midpoint, projected onto u_j^⊥ in intervals
  const matrix<Real> T_float = sphere_product::tangent_bases(U_mid);
  matrix<Interval> T = T_float.template cast<Interval>();
  for (int j = 0; j < M; ++j) {
    auto block = T.block(j * d, j * (d - 1), d, d - 1);
    const vector<Interval> u = U_box.col(j);
    block -= u * (u.transpose() * block);
  }
  // T must be a basis (full column rank): ‖TᵀT − I‖_∞ < 1, enclosed
  result.basis_defect = identity_defect(matrix<Interval>(T.transpose() * T));
  if (!(interval_upper(result.basis_defect) < Real(1))) {
    result.reason = "the projected tangent basis is not provably a basis";
    return result;
  }
  const matrix<Interval> H = reduced_objective_hessian_enclosure(U_box, T, result.reason);
  if (H.size() == 0)
    return result;
  const int n = static_cast<int>(H.rows());
  matrix<Real> H_mid(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      H_mid(i, j) = Real(boost::multiprecision::median(H(i, j)));
      result.widest_entry = std::max(result.widest_entry, static_cast<double>(Real(boost::multiprecision::width(H(i, j)))) / 2);
    }

  // 4. approximate eigenvectors; Q nonsingular
  const Eigen::SelfAdjointEigenSolver<matrix<Real>> solver((H_mid + H_mid.transpose()) / 2);
  const matrix<Real>& Q_real = solver.eigenvectors();
  const vector<Real>& lambda = solver.eigenvalues();  // ascending: the zero cluster is last for a maximum
  const matrix<Interval> Q = Q_real.template cast<Interval>();
  const matrix<Interval> G = Q.transpose() * Q;
  const Interval off_identity = identity_defect(G);
  if (!(interval_upper(off_identity) < Real(1))) {
    result.reason = "the approximate eigenvectors are not provably independent";
    return result;
  }

  // the zero cluster: the orbit_dim eigenvalues of smallest modulus
  std::vector<int> order(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return abs(lambda(a)) < abs(lambda(b)); });
  std::vector<bool> in_cluster(static_cast<std::size_t>(n), false);
  for (int i = 0; i < result.orbit_dim && i < n; ++i)
    in_cluster[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])] = true;
  Real smallest_other = -1;  // set below: orbit_dim < n leaves at least one eigenvalue outside the cluster
  for (int i = 0; i < n; ++i)
    if (!in_cluster[static_cast<std::size_t>(i)]) {
      if (lambda(i) >= 0) {
        result.reason = "the midpoint Hessian has an eigenvalue >= 0 outside the zero cluster (" +
                        lambda(i).str(6, std::ios_base::scientific) + "): no certificate (a saddle or degenerate point)";
        return result;
      }
      if (smallest_other < 0 || abs(lambda(i)) < smallest_other)
        smallest_other = abs(lambda(i));
    }

  // 5. Gershgorin on C = Qᵀ([H] + m I)Q with m half the smallest non-zero |λ|
  const Interval m = Interval(smallest_other) / 2;
  const matrix<Interval> C = Q.transpose() * H * Q + m * G;
  Real highest_other = 0, lowest_cluster = 0;
  bool first_other = true, first_cluster = true;
  for (int i = 0; i < n; ++i) {
    Interval radius = 0;
    for (int j = 0; j < n; ++j)
      if (j != i)
        radius += abs(C(i, j));
    const Real upper_end = Real(interval_upper(Interval(C(i, i) + radius)));
    const Real lower_end = Real(interval_lower(Interval(C(i, i) - radius)));
    if (in_cluster[static_cast<std::size_t>(i)]) {
      lowest_cluster = first_cluster ? lower_end : std::min(lowest_cluster, lower_end);
      first_cluster = false;
    } else {
      highest_other = first_other ? upper_end : std::max(highest_other, upper_end);
      first_other = false;
    }
  }
  if (!(highest_other < 0)) {
    result.reason = "a Gershgorin disc away from the zero cluster reaches 0 (the enclosure is too wide)";
    return result;
  }
  if (!first_cluster && !(highest_other < lowest_cluster)) {
    result.reason = "the Gershgorin discs of the zero cluster overlap the others";
    return result;
  }
  result.certified = true;
  result.shift = m;
  // step 7: from the basis T to an orthonormal one
  result.margin = m / (1 + Interval(interval_upper(result.basis_defect)));
  return result;
}

/// The certificate at the simplex ETF of M vectors in R^d, 3 ≤ M ≤ d + 1: critical by
/// symmetry (docs/mathematics.md §3), enclosed by the Helmert construction in intervals.
template <class Interval>
strict_max_certificate<Interval> certify_simplex_etf(int M, int d)
{
  strict_max_certificate<Interval> result;
  if (M < 3 || M > d + 1) {
    result.reason = M == 2 ? "M = 2 (the antipodal pair) is outside the certificate's scope: its Hessian vanishes"
                           : "no simplex ETF of M vectors in R^d, or M < 2";
    return result;
  }
  // the simplex ETF spans exactly M − 1 dimensions
  return certify_strict_local_max<Interval>(simplex_etf<Interval>(M, d), orbit_dimension(d, M - 1));
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_STRICT_MAX_CERTIFICATE(EXTERN, Interval)                                          \
  EXTERN template matrix<Interval> reduced_objective_hessian_enclosure(const matrix<Interval>&,               \
                                                                       const matrix<Interval>&, std::string&); \
  EXTERN template matrix<Interval> reduced_objective_gradient_enclosure(const matrix<Interval>&, bool&);       \
  EXTERN template strict_max_certificate<Interval> certify_strict_local_max(const matrix<Interval>&, int);     \
  EXTERN template strict_max_certificate<Interval> certify_simplex_etf<Interval>(int, int);
TWOLAYER_EXTERN_INTERVAL_INSTANCES(TWOLAYER_INSTANCES_STRICT_MAX_CERTIFICATE)

}  // namespace twolayer
