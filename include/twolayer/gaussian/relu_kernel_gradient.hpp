// The gradient of the ReLU Gaussian kernel K(u, v) = ‖u‖‖v‖ k(ρ)/2π with respect to v:
//
//   ∇_v K(u, v) = (‖u‖/2π) [k(ρ) v̂ + k'(ρ) (û − ρ v̂)]       (ρ = <û, v̂>, k' = π − arccos ρ)
//
// from ∇_v ‖v‖ = v̂ and ∇_v ρ = (û − ρ v̂)/‖v‖. At u = v it is v/2 (K(v, v) = ‖v‖²/2).
#pragma once

#include "twolayer/gaussian/relu_kernel.hpp"

#include <boost/math/constants/constants.hpp>

#include <stdexcept>

namespace twolayer {

template <class Real>
vector<Real> relu_kernel_gradient(const vector<Real>& u, const vector<Real>& v)
{
  const Real norm_u = u.norm();
  const Real norm_v = v.norm();
  if (norm_u == 0)
    return vector<Real>::Zero(v.size());
  if (norm_v == 0)  // K(u, t e) = t ‖u‖ k(<û, e>)/2π: one-sided, direction-dependent
    throw std::domain_error("twolayer: the relu kernel is not differentiable at v = 0");
  const vector<Real> unit_u = u / norm_u;
  const vector<Real> unit_v = v / norm_v;
  const angle<Real> a = angle<Real>::between(u, v);
  return norm_u / boost::math::constants::two_pi<Real>() *
         (arc_cosine_kernel(a) * unit_v + arc_cosine_kernel_derivative(a) * (unit_u - a.cosine * unit_v));
}

}  // namespace twolayer
