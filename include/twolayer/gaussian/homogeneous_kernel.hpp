// Activations positively homogeneous of degree 1 (relu, leaky relu, abs, linear) have
// Gaussian kernels K(u, v) = ‖u‖‖v‖ κ(ρ) (DESIGN.md §2, §4). This header gives their
// angular part κ, its derivative κ', the gradient
//
//   ∇_v K(u, v) = ‖u‖ [κ(ρ) v̂ + κ'(ρ) (û − ρ v̂)]     (∇_v ρ = (û − ρ v̂)/‖v‖),
//
// and the sphere mean μ_σ = E_{u~Unif(S^{d−1})}[σ(u₁)], which fixes the simplified target
// F(x) = E_w[a σ(<w,x>)] = α μ_σ ‖x‖ of an isotropic law:
//   relu: κ = k(ρ)/2π, κ' = (π − arccos ρ)/2π, μ = c_d;
//   leaky relu (slope s) = relu(z) − s relu(−z): κ = ((1+s²) k(ρ) − 2s k(−ρ))/2π,
//       κ' = ((1+s²) k'(ρ) + 2s k'(−ρ))/2π, μ = (1 − s) c_d;
//   abs = relu(z) + relu(−z): κ = (2/π)(√(1−ρ²) + ρ arcsin ρ), κ' = (2/π) arcsin ρ, μ = 2 c_d;
//   linear: κ = ρ, κ' = 1, μ = 0 (odd σ: F ≡ 0).
#pragma once

#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/model/activation.hpp"

#include <boost/math/constants/constants.hpp>

#include <stdexcept>

namespace twolayer {

template <class Real>
Real angular_kernel(const activation::relu&, const angle<Real>& a)
{
  return arc_cosine_kernel(a) / boost::math::constants::two_pi<Real>();
}
template <class Real>
Real angular_kernel_derivative(const activation::relu&, const angle<Real>& a)
{
  return arc_cosine_kernel_derivative(a) / boost::math::constants::two_pi<Real>();
}
template <class Real>
Real sphere_mean(const activation::relu&, unsigned d)
{
  return sphere_relu_mean<Real>(d);
}

template <class Real>
Real angular_kernel(const activation::leaky_relu<Real>& sigma, const angle<Real>& a)
{
  const Real& s = sigma.slope;
  return ((1 + s * s) * arc_cosine_kernel(a) - 2 * s * arc_cosine_kernel(a.opposite())) /
         boost::math::constants::two_pi<Real>();
}
template <class Real>
Real angular_kernel_derivative(const activation::leaky_relu<Real>& sigma, const angle<Real>& a)
{
  const Real& s = sigma.slope;
  return ((1 + s * s) * arc_cosine_kernel_derivative(a) +
          2 * s * arc_cosine_kernel_derivative(a.opposite())) /
         boost::math::constants::two_pi<Real>();
}
template <class Real>
Real sphere_mean(const activation::leaky_relu<Real>& sigma, unsigned d)
{
  return (1 - sigma.slope) * sphere_relu_mean<Real>(d);
}

template <class Real>
Real angular_kernel(const activation::absolute&, const angle<Real>& a)
{
  using std::asin;
  return (a.sine + a.cosine * asin(a.cosine)) * 2 / boost::math::constants::pi<Real>();
}
template <class Real>
Real angular_kernel_derivative(const activation::absolute&, const angle<Real>& a)
{
  using std::asin;
  return asin(a.cosine) * 2 / boost::math::constants::pi<Real>();
}
template <class Real>
Real sphere_mean(const activation::absolute&, unsigned d)
{
  return 2 * sphere_relu_mean<Real>(d);
}

template <class Real>
Real angular_kernel(const activation::linear&, const angle<Real>& a)
{
  return a.cosine;
}
template <class Real>
Real angular_kernel_derivative(const activation::linear&, const angle<Real>&)
{
  return Real(1);
}
template <class Real>
Real sphere_mean(const activation::linear&, unsigned)
{
  return Real(0);
}

/// ∇_v K(u, v) for a degree-1 homogeneous activation; K is not differentiable at v = 0.
template <class Activation, class Real>
vector<Real> homogeneous_kernel_gradient(const Activation& sigma, const vector<Real>& u,
                                         const vector<Real>& v)
{
  static_assert(Activation::homogeneity == 1, "needs an activation homogeneous of degree 1");
  const Real norm_u = u.norm();
  const Real norm_v = v.norm();
  if (norm_u == 0)
    return vector<Real>::Zero(v.size());
  if (norm_v == 0)  // K(u, t e) = t ‖u‖ κ(<û, e>): one-sided, direction-dependent
    throw std::domain_error("twolayer: the kernel is not differentiable at v = 0");
  const vector<Real> unit_u = u / norm_u;
  const vector<Real> unit_v = v / norm_v;
  const angle<Real> a = angle<Real>::between(u, v);
  return norm_u * (angular_kernel(sigma, a) * unit_v +
                   angular_kernel_derivative(sigma, a) * (unit_u - a.cosine * unit_v));
}

}  // namespace twolayer
