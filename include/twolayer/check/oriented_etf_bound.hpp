// An upper bound on Ψ over every rotation of the simplex ETF, for a target with a mean
// (docs/mathematics.md §2.1, "Every rotated ETF at once: a bound by covering"), by branch and bound
// over the orientations.
//
// Ψ(QE) depends on the rotation Q only through z = Qᵀμ̂ ∈ S^{d−1}: the cosines are c = Eᵀz and
// Ψ = t(c)ᵀ A t(c) with t_j = T(c_j) and A = K̂(E)⁻¹ fixed (the ETF's Gram matrix does not move).
// The scales are optimised inside Ψ (variable projection), so the bound covers every rotated
// simplex ETF with any scales. The sphere is covered by the 2d faces of the cube [−1, 1]^d
// projected radially; a cell is a box of half-width h on a face, and every point z of it lies within
// r = h √(d − 1) of the cell's centre z₀ (radial projection onto the sphere from outside the ball is
// 1-Lipschitz). With Δc = Eᵀ(z − z₀), Taylor's theorem in c on the segment [c₀, c] ⊂ [−1, 1]^M gives
//
//   Ψ(z) ≤ Ψ(z₀) + ‖E ∇_cΨ(c₀)‖ r + ½ H ‖E‖₂² r²,
//   H = 2 T₂ T₀ ‖A‖_∞ + 2 T₁² ‖A‖₂ ≥ sup over [−1, 1]^M of ‖∇²_cΨ‖₂,
//
// since ∇²_cΨ = 2 diag(T″_j (At)_j) + 2 diag(T′) A diag(T′). T_k bounds |T^(k)| on [−1, 1] from
// the zonal series T = Σ β_n P_n: |P_n^(k)| ≤ P_n^(k)(1) on [−1, 1] (d/dt C_n^λ = 2λ C_{n−1}^{λ+1}
// with 2λ > 0, and |C_m^λ| ≤ C_m^λ(1) for λ > 0, Szegő Thm 7.33.1; for d = 2, T_n′ = n C_{n−1}^1 falls
// under the same argument), with P_n′(1) = n(n + d − 2)/(d − 1) and
// P_n″(1) = P_n′(1)(n − 1)(n + d − 1)/(d + 1). E must have unit columns, so that c ∈ [−1, 1]^M.
//
// Best first: the cell of largest bound is split into 2^{d−1} until every bound is below the
// target (status below_target: max Ψ over the rotated ETFs is below it), a centre reaches the
// target (reached: the claim is refused), or the budget of cells runs out. This runs in the
// scalar of the series (double for the study): rounding and the series' own error are covered by
// `margin`, not enclosed, so the result is a bound by covering, not a certificate.
#pragma once

#include "twolayer/gaussian/zonal_harmonics.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/numeric/matrix.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>

#include <cmath>
#include <queue>
#include <stdexcept>
#include <string>
#include <vector>

namespace twolayer {

enum class etf_bound_status {
  below_target,      // every rotated ETF has Ψ below the target: proved by the covering
  reached,           // an orientation with Ψ ≥ target was found: the claim is refused
  budget_exhausted,  // neither, within the budget of cells
};

inline std::string to_string(etf_bound_status s)
{
  switch (s) {
  case etf_bound_status::below_target: return "below_target";
  case etf_bound_status::reached: return "reached";
  case etf_bound_status::budget_exhausted: return "budget_exhausted";
  }
  return "?";
}

struct oriented_etf_bound_options {
  double margin = 1e-10;   // added to every cell's bound: rounding and the series' error
  long max_cells = 2000000;  // cells evaluated, at most
};

template <class Real>
struct oriented_etf_bound_result {
  etf_bound_status status = etf_bound_status::budget_exhausted;
  Real upper_bound = 0;   // below_target, budget_exhausted: max over the rotated ETFs of Ψ is at most this
                          // (reached: the bound of the cell that reached the target, no global bound)
  Real best_value = 0;    // the largest Ψ at a cell centre (a lower bound of the max)
  vector<Real> best_direction;  // z there
  long cells = 0;         // cells evaluated
  Real hessian_bound = 0; // H
};

namespace detail {

/// Σ |β_n| P_n^(k)(1), k = 0, 1, 2: bounds of |T|, |T′|, |T″| on [−1, 1].
template <class Real>
std::vector<Real> zonal_derivative_bounds(unsigned d, const std::vector<Real>& series)
{
  using std::abs;
  std::vector<Real> bounds(3, Real(0));
  for (std::size_t n = 0; n < series.size(); ++n) {
    const Real m = Real(static_cast<double>(n));
    const Real first = m * (m + Real(d) - 2) / Real(d - 1);
    const Real second = first * (m - 1) * (m + Real(d) - 1) / Real(d + 1);
    bounds[0] += abs(series[n]);
    bounds[1] += abs(series[n]) * first;
    bounds[2] += abs(series[n]) * (n >= 2 ? second : Real(0));
  }
  return bounds;
}

}  // namespace detail

/// Branch and bound of max over z ∈ S^{d−1} of Ψ(E, z) = t(Eᵀz)ᵀ K̂(E)⁻¹ t(Eᵀz) against `target`.
/// `etf` is E (d × M), `gram` its K̂ (positive definite), `series` T's zonal coefficients.
template <class Real>
oriented_etf_bound_result<Real> oriented_etf_bound(unsigned d, const std::vector<Real>& series, const matrix<Real>& etf,
                                                   const matrix<Real>& gram, const Real& target,
                                                   const oriented_etf_bound_options& options = {})
{
  using std::sqrt;
  if (d < 2 || etf.rows() != static_cast<Eigen::Index>(d) || gram.rows() != etf.cols() || gram.cols() != etf.cols())
    throw std::invalid_argument("twolayer: oriented_etf_bound needs d >= 2, E of d rows and a Gram matrix of its columns");
  const Eigen::Index M = etf.cols();
  for (Eigen::Index j = 0; j < M; ++j) {
    using std::abs;
    if (!(abs(etf.col(j).norm() - 1) <= 1000 * Eigen::NumTraits<Real>::epsilon()))
      throw std::invalid_argument("twolayer: oriented_etf_bound needs unit columns (the cosines must lie in [-1, 1])");
  }
  const matrix<Real> A = gram.inverse();
  const Real A_two = Eigen::SelfAdjointEigenSolver<matrix<Real>>(A, Eigen::EigenvaluesOnly).eigenvalues().cwiseAbs().maxCoeff();
  const Real A_rows = A.cwiseAbs().rowwise().sum().maxCoeff();
  const Real E_two_squared =
      Eigen::SelfAdjointEigenSolver<matrix<Real>>(matrix<Real>(etf * etf.transpose()), Eigen::EigenvaluesOnly).eigenvalues().maxCoeff();
  const auto T = detail::zonal_derivative_bounds(d, series);
  oriented_etf_bound_result<Real> result;
  result.hessian_bound = 2 * T[2] * T[0] * A_rows + 2 * T[1] * T[1] * A_two;
  const Real margin = Real(options.margin);

  struct cell {
    int face;              // axis (face / 2) and sign (face % 2)
    vector<Real> centre;   // in [−1, 1]^{d−1}, the face's free coordinates
    Real half_width;
    Real value;            // Ψ at the centre
    Real bound;            // the upper bound over the cell
    vector<Real> z;
    bool operator<(const cell& other) const { return bound < other.bound; }
  };
  auto evaluate = [&](cell& c) {
    vector<Real> x(d);
    const int axis = c.face / 2;
    for (unsigned i = 0, k = 0; i < d; ++i)
      x(i) = static_cast<int>(i) == axis ? Real(c.face % 2 ? -1 : 1) : c.centre(k++);
    c.z = x / x.norm();
    const vector<Real> cosines = etf.transpose() * c.z;
    vector<Real> t(M), slopes(M);
    for (Eigen::Index j = 0; j < M; ++j) {
      const dual<Real> at = sphere_legendre_series(d, series, dual<Real>(cosines(j), Real(1)));
      t(j) = at.value;
      slopes(j) = at.derivative;
    }
    const vector<Real> At = A * t;
    c.value = t.dot(At);
    const vector<Real> gradient = 2 * At.cwiseProduct(slopes);  // ∇_cΨ
    const Real r = c.half_width * sqrt(Real(d - 1));
    c.bound = c.value + (etf * gradient).norm() * r + result.hessian_bound * E_two_squared * r * r / 2 + margin;
    ++result.cells;
    if (result.cells == 1 || c.value > result.best_value) {
      result.best_value = c.value;
      result.best_direction = c.z;
    }
  };
  std::priority_queue<cell> open;
  for (int face = 0; face < 2 * static_cast<int>(d); ++face) {
    cell c{face, vector<Real>::Zero(d - 1), Real(1), Real(0), Real(0), {}};
    evaluate(c);
    open.push(std::move(c));
  }
  while (!open.empty()) {
    const cell top = open.top();
    if (top.value >= target) {
      result.status = etf_bound_status::reached;
      result.upper_bound = top.bound;
      return result;
    }
    if (top.bound < target) {
      result.status = etf_bound_status::below_target;
      result.upper_bound = top.bound;  // the largest bound left: every cell's is at most this
      return result;
    }
    if (result.cells + (1L << (d - 1)) > options.max_cells) {
      result.status = etf_bound_status::budget_exhausted;
      result.upper_bound = top.bound;
      return result;
    }
    open.pop();
    const Real half = top.half_width / 2;
    for (long corner = 0; corner < (1L << (d - 1)); ++corner) {
      cell child{top.face, top.centre, half, Real(0), Real(0), {}};
      for (unsigned k = 0; k + 1 < d; ++k)
        child.centre(k) += (corner >> k) & 1 ? half : -half;
      evaluate(child);
      if (child.value >= target) {
        result.status = etf_bound_status::reached;
        result.upper_bound = child.bound;
        return result;
      }
      open.push(std::move(child));
    }
  }
  return result;  // not reached: the queue is never empty
}

}  // namespace twolayer
