// The Hessian of the simplified objective L~ in the joint parameters x = (b, vec V)
// (docs/mathematics.md §3), by forward-mode differentiation of the analytic gradient: column k is
// the derivative of ∇L~ along e_k, computed by running the gradient's own code on dual
// numbers (exact up to rounding; tests/ compare it with central differences of the
// gradient). At a minimiser the zero eigenvalues are the O(d) orbit plus one per neuron,
// the rescaling b_j → b_j/c, v_j → c v_j that leaves every term unchanged.
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/numeric/dual.hpp"
#include "twolayer/objective/simplified_objective.hpp"

namespace twolayer {

/// ∇²L~(b, V) as an (M + dM) × (M + dM) matrix, b first, then V column by column.
template <class Real, class Activation = activation::relu>
matrix<Real> simplified_objective_hessian(const Real& alpha, unsigned d, const vector<Real>& b,
                                          const matrix<Real>& V, Activation sigma = Activation{})
{
  using D = dual<Real>;
  const Eigen::Index M = b.size();
  const Eigen::Index n = M + V.size();
  const simplified_objective<D, Activation> objective(D(alpha), d, sigma);
  matrix<Real> hessian(n, n);
  for (Eigen::Index k = 0; k < n; ++k) {
    vector<D> b_dual = b.template cast<D>();
    matrix<D> V_dual = V.template cast<D>();
    if (k < M)
      b_dual(k).derivative = 1;
    else
      V_dual((k - M) % V.rows(), (k - M) / V.rows()).derivative = 1;
    vector<D> grad_b;
    matrix<D> grad_V;
    objective.gradient(b_dual, V_dual, grad_b, grad_V);
    for (Eigen::Index i = 0; i < M; ++i)
      hessian(i, k) = grad_b(i).derivative;
    for (Eigen::Index i = 0; i < V.size(); ++i)
      hessian(M + i, k) = grad_V(i % V.rows(), i / V.rows()).derivative;
  }
  return (hessian + hessian.transpose()) / 2;
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_SIMPLIFIED_HESSIAN(EXTERN, Real)                                                 \
  EXTERN template matrix<Real> simplified_objective_hessian(const Real&, unsigned, const vector<Real>&,    \
                                                            const matrix<Real>&, activation::relu);
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_SIMPLIFIED_HESSIAN)

}  // namespace twolayer
