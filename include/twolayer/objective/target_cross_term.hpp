// A target network f(x) = Σ_i c_i σ(<w_i, x>) (the realised f_N has c_i = a_i / N) for an
// activation σ positively homogeneous of degree h (relu, leaky relu, abs, linear: h = 1;
// step: h = 0; quadratic: h = 2), seen from unit directions u (docs/mathematics.md §2):
//
//   t(u)  = E_x[f(x) σ(<u, x>)] = Σ_i p_i κ(<ŵ_i, u>),   p_i = c_i ‖w_i‖^h,
//   ∇t(u) = Σ_i p_i [h κ(ρ_i) u + κ'(ρ_i)(ŵ_i − ρ_i u)]   (Euclidean gradient of
//           ‖u‖^h t(û), at unit u),
//   E[f²] = Σ_{i,k} p_i p_k κ(<ŵ_i, ŵ_k>).
//
// The inner products of many directions come from one matrix product Ŵᵀ U, so the cost
// per direction is one pass over the N neurons. E[f²] is summed in fixed blocks of the
// upper triangle (k ≥ i), each block on whichever thread is free and the block sums added
// in block order: the same bytes on any number of threads (numeric/parallel.hpp).
#pragma once

#include "twolayer/gaussian/angular_kernel.hpp"
#include "twolayer/model/activation.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/numeric/parallel.hpp"

#include <algorithm>
#include <stdexcept>

namespace twolayer {

template <class Real, class Activation = activation::relu>
class target_cross_term {
  static constexpr int degree = Activation::homogeneity;
  static_assert(degree >= 0, "needs a positively homogeneous activation");

public:
  /// f(x) = Σ_i c(i) σ(<W.col(i), x>).
  target_cross_term(const vector<Real>& c, const matrix<Real>& W, Activation sigma = Activation{})
      : sigma_(std::move(sigma)), weights_(c.size()), directions_(W.rows(), W.cols())
  {
    if (c.size() != W.cols() || c.size() == 0)
      throw std::invalid_argument("twolayer: a target needs N >= 1 and one weight per column of W");
    for (Eigen::Index i = 0; i < c.size(); ++i) {
      const Real norm = W.col(i).norm();
      Real scale = 1;
      for (int power = 0; power < degree; ++power)
        scale *= norm;
      // σ(<0, x>) = σ(0) = 0 for every activation here: w = 0 contributes nothing.
      weights_(i) = norm == 0 ? Real(0) : Real(c(i) * scale);
      if (norm == 0)
        directions_.col(i).setZero();
      else
        directions_.col(i) = W.col(i) / norm;
    }
  }

  Eigen::Index dimension() const { return directions_.rows(); }
  Eigen::Index size() const { return directions_.cols(); }
  /// p_i = c_i ‖w_i‖^h, and ŵ_i (zero for w_i = 0).
  const vector<Real>& neuron_weights() const { return weights_; }
  auto direction(Eigen::Index i) const { return directions_.col(i); }

  /// t(u_j) for the unit columns of U.
  vector<Real> values(const matrix<Real>& U) const
  {
    const matrix<Real> cosines = directions_.transpose() * U;
    vector<Real> t(U.cols());
    for (Eigen::Index j = 0; j < U.cols(); ++j) {
      Real sum = 0;
      for (Eigen::Index i = 0; i < size(); ++i)
        sum += weights_(i) * angular_kernel(sigma_, angle_at(cosines, i, U, j));
      t(j) = sum;
    }
    return t;
  }

  /// t(u_j) and the columns ∇t(u_j), for the unit columns of U.
  void values_and_gradients(const matrix<Real>& U, vector<Real>& t, matrix<Real>& gradients) const
  {
    const matrix<Real> cosines = directions_.transpose() * U;
    t.resize(U.cols());
    gradients.resize(U.rows(), U.cols());
    vector<Real> slopes(size());
    for (Eigen::Index j = 0; j < U.cols(); ++j) {
      Real sum = 0;
      Real radial = 0;  // Σ p_i (h κ − ρ_i κ'), the coefficient of u
      for (Eigen::Index i = 0; i < size(); ++i) {
        const auto a = angle_at(cosines, i, U, j);
        const Real kappa = angular_kernel(sigma_, a);
        slopes(i) = weights_(i) * angular_kernel_derivative(sigma_, a);
        sum += weights_(i) * kappa;
        radial += degree * weights_(i) * kappa - slopes(i) * a.cosine;
      }
      t(j) = sum;
      gradients.col(j) = directions_ * slopes + radial * U.col(j);
    }
  }

  /// E[f²], summed over blocks of `block` rows of the upper triangle.
  Real second_moment(unsigned threads = 1, Eigen::Index block = 256) const
  {
    const Eigen::Index N = size();
    const Eigen::Index blocks = (N + block - 1) / block;
    std::vector<Real> block_sums(static_cast<std::size_t>(blocks), Real(0));
    const Real diagonal = angular_kernel(sigma_, angle<Real>::zero());
    for_each_task(static_cast<std::size_t>(blocks), threads, [&](std::size_t b) {
      const Eigen::Index first = static_cast<Eigen::Index>(b) * block;
      const Eigen::Index rows = std::min(block, N - first);
      const matrix<Real> cosines =
          directions_.middleCols(first, rows).transpose() * directions_.rightCols(N - first);
      Real sum = 0;
      for (Eigen::Index r = 0; r < rows; ++r) {
        const Eigen::Index i = first + r;
        Real row = weights_(i) * diagonal;
        for (Eigen::Index k = i + 1; k < N; ++k)
          row += 2 * weights_(k) * angular_kernel(sigma_, angle_of(cosines(r, k - first)));
        sum += weights_(i) * row;
      }
      block_sums[b] = sum;
    });
    Real total = 0;
    for (const auto& s : block_sums)
      total += s;
    return total;
  }

private:
  /// The angle between ŵ_i and u_j: from the cosine, or for dual numbers from the chord
  /// lengths (gaussian/angle.hpp), whose derivatives stay finite where u_j meets ŵ_i
  /// exactly (from the cosine, sin θ = √((1−ρ)(1+ρ)) has an infinite derivative at ρ = 1
  /// and the Hessian of an N = M target would come out 0·∞ at its optimum).
  angle<Real> angle_at(const matrix<Real>& cosines, Eigen::Index i, const matrix<Real>& U, Eigen::Index j) const
  {
    if constexpr (is_dual<Real>::value) {
      if (weights_(i) != 0)
        return angle<Real>::between(directions_.col(i), U.col(j));
    }
    return angle_of(cosines(i, j));
  }

  // A rounded inner product of unit vectors may leave [−1, 1] by an ulp.
  static angle<Real> angle_of(const Real& cosine)
  {
    const Real one = 1;
    return angle<Real>::from_cosine(cosine > one ? one : cosine < -one ? Real(-one) : cosine);
  }

  Activation sigma_;
  vector<Real> weights_;     // p_i = c_i ‖w_i‖
  matrix<Real> directions_;  // ŵ_i
};

}  // namespace twolayer
