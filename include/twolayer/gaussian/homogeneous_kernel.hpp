// Activations positively homogeneous of degree 1 (relu, leaky relu, abs, linear) have
// Gaussian kernels K(u, v) = ‖u‖‖v‖ κ(ρ) (docs/mathematics.md §2, §4; κ and κ' in
// gaussian/angular_kernel.hpp). This header gives the gradient
//
//   ∇_v K(u, v) = ‖u‖ [κ(ρ) v̂ + κ'(ρ) (û − ρ v̂)]     (∇_v ρ = (û − ρ v̂)/‖v‖),
//
// and the sphere mean μ_σ = E_{u~Unif(S^{d−1})}[σ(u₁)], which fixes the simplified target
// F(x) = E_w[a σ(<w,x>)] = α μ_σ ‖x‖ of an isotropic law: relu μ = c_d; leaky relu
// (slope s) μ = (1 − s) c_d; abs μ = 2 c_d; linear μ = 0 (odd σ: F ≡ 0).
#pragma once

#include "twolayer/gaussian/angular_kernel.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/model/activation.hpp"

#include <boost/math/constants/constants.hpp>

#include <stdexcept>

namespace twolayer {

template <class Real>
Real sphere_mean(const activation::relu&, unsigned d)
{
  return sphere_relu_mean<Real>(d);
}

template <class Real>
Real sphere_mean(const activation::leaky_relu<Real>& sigma, unsigned d)
{
  return (1 - sigma.slope) * sphere_relu_mean<Real>(d);
}

template <class Real>
Real sphere_mean(const activation::absolute&, unsigned d)
{
  return 2 * sphere_relu_mean<Real>(d);
}

template <class Real>
Real sphere_mean(const activation::linear&, unsigned)
{
  return Real(0);
}

template <class Real>
struct kernel_and_gradient {
  Real value;             // K(u, v)
  vector<Real> gradient;  // ∇_v K(u, v)
};

/// K(u, v) and ∇_v K(u, v) for a degree-1 homogeneous activation, from one angle (the
/// objectives' gradients need both for every pair); K is not differentiable at v = 0.
template <class Activation, class Real>
kernel_and_gradient<Real> homogeneous_kernel_and_gradient(const Activation& sigma,
                                                          const vector<Real>& u,
                                                          const vector<Real>& v)
{
  static_assert(Activation::homogeneity == 1, "needs an activation homogeneous of degree 1");
  const Real norm_u = u.norm();
  const Real norm_v = v.norm();
  if (norm_v == 0)  // K(u, t e) = t ‖u‖ κ(<û, e>): one-sided, direction-dependent
    throw std::domain_error("twolayer: the kernel is not differentiable at v = 0");
  if (norm_u == 0)
    return {Real(0), vector<Real>::Zero(v.size())};
  const vector<Real> unit_u = u / norm_u;
  const vector<Real> unit_v = v / norm_v;
  // K(v, v): the zero angle exactly (|û − v̂| = 0 has no derivative for dual numbers)
  const angle<Real> a = u == v ? angle<Real>::zero() : angle<Real>::between(u, v);
  const Real kappa = angular_kernel(sigma, a);
  return {Real(norm_u * norm_v * kappa),
          norm_u * (kappa * unit_v + angular_kernel_derivative(sigma, a) * (unit_u - a.cosine * unit_v))};
}

}  // namespace twolayer
