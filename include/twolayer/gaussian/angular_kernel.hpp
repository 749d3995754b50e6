// The angular part κ of the Gaussian kernel of an activation positively homogeneous of
// degree h, K(u, v) = ‖u‖^h ‖v‖^h κ(ρ) (docs/mathematics.md §2, §4), and its derivative κ'(ρ):
//   relu: κ = k(ρ)/2π, κ' = (π − arccos ρ)/2π;
//   leaky relu (slope s) = relu(z) − s relu(−z): κ = ((1+s²) k(ρ) − 2s k(−ρ))/2π,
//       κ' = ((1+s²) k'(ρ) + 2s k'(−ρ))/2π;
//   abs = relu(z) + relu(−z): κ = (2/π)(√(1−ρ²) + ρ arcsin ρ), κ' = (2/π) arcsin ρ;
//   linear: κ = ρ, κ' = 1;
//   step (h = 0): κ = (π − θ)/2π, κ' = 1/(2π sin θ) (infinite at ρ = ±1);
//   quadratic (h = 2): κ = 1 + 2ρ², κ' = 4ρ.
#pragma once

#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/model/activation.hpp"

#include "twolayer/numeric/constants.hpp"

namespace twolayer {

template <class Real>
Real angular_kernel(const activation::relu&, const angle<Real>& a)
{
  return arc_cosine_kernel(a) / (2 * pi<Real>());
}

template <class Real>
Real angular_kernel_derivative(const activation::relu&, const angle<Real>& a)
{
  return arc_cosine_kernel_derivative(a) / (2 * pi<Real>());
}

template <class Real>
Real angular_kernel(const activation::leaky_relu<Real>& sigma, const angle<Real>& a)
{
  const Real& s = sigma.slope;
  return ((1 + s * s) * arc_cosine_kernel(a) - 2 * s * arc_cosine_kernel(a.opposite())) /
         (2 * pi<Real>());
}

template <class Real>
Real angular_kernel_derivative(const activation::leaky_relu<Real>& sigma, const angle<Real>& a)
{
  const Real& s = sigma.slope;
  return ((1 + s * s) * arc_cosine_kernel_derivative(a) +
          2 * s * arc_cosine_kernel_derivative(a.opposite())) /
         (2 * pi<Real>());
}

template <class Real>
Real angular_kernel(const activation::absolute&, const angle<Real>& a)
{
  return (a.sine + a.cosine * a.arcsine()) * 2 / pi<Real>();
}

template <class Real>
Real angular_kernel_derivative(const activation::absolute&, const angle<Real>& a)
{
  return a.arcsine() * 2 / pi<Real>();
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
Real angular_kernel(const activation::step&, const angle<Real>& a)
{
  return a.supplement / (2 * pi<Real>());
}

template <class Real>
Real angular_kernel_derivative(const activation::step&, const angle<Real>& a)
{
  return 1 / (2 * pi<Real>() * a.sine);
}

template <class Real>
Real angular_kernel(const activation::quadratic&, const angle<Real>& a)
{
  return 1 + 2 * a.cosine * a.cosine;
}

template <class Real>
Real angular_kernel_derivative(const activation::quadratic&, const angle<Real>& a)
{
  return 4 * a.cosine;
}

}  // namespace twolayer
