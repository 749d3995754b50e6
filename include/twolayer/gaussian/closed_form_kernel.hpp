// Closed-form Gaussian kernels K(u, v) = E_x[σ(<u,x>) σ(<v,x>)], x ~ N(0, I)
// (DESIGN.md §4), as functions of the norms ‖u‖, ‖v‖ and the angle between u and v.
#pragma once

#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/model/activation.hpp"

#include <boost/math/constants/constants.hpp>

namespace twolayer {

/// relu: ‖u‖‖v‖ (sin θ + (π−θ) cos θ) / 2π
template <class Real>
Real closed_form_kernel(const activation::relu&, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  return norm_u * norm_v * arc_cosine_kernel(a) / boost::math::constants::two_pi<Real>();
}

/// step (Heaviside, step(0) = 0): P(<u,x> > 0, <v,x> > 0) = (π − θ) / 2π
template <class Real>
Real closed_form_kernel(const activation::step&, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  if (norm_u == 0 || norm_v == 0)
    return Real(0);
  return a.supplement / boost::math::constants::two_pi<Real>();
}

/// abs: ‖u‖‖v‖ (2/π) (√(1−ρ²) + ρ arcsin ρ), with arcsin ρ = π/2 − θ
template <class Real>
Real closed_form_kernel(const activation::absolute&, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  using std::asin;
  return norm_u * norm_v * (a.sine + a.cosine * asin(a.cosine)) * 2 /
         boost::math::constants::pi<Real>();
}

/// leaky relu with slope s: relu(z) − s relu(−z), so
/// ‖u‖‖v‖ ((1+s²) k(ρ) − 2 s k(−ρ)) / 2π
template <class Real>
Real closed_form_kernel(const activation::leaky_relu<Real>& sigma, const Real& norm_u,
                        const Real& norm_v, const angle<Real>& a)
{
  const Real& s = sigma.slope;
  return norm_u * norm_v *
         ((1 + s * s) * arc_cosine_kernel(a) - 2 * s * arc_cosine_kernel(a.opposite())) /
         boost::math::constants::two_pi<Real>();
}

/// erf: (2/π) arcsin(2<u,v> / √((1+2‖u‖²)(1+2‖v‖²)))
template <class Real>
Real closed_form_kernel(const activation::erf&, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  using std::asin;
  using std::sqrt;
  const Real uu = norm_u * norm_u;
  const Real vv = norm_v * norm_v;
  return asin(2 * norm_u * norm_v * a.cosine / sqrt((1 + 2 * uu) * (1 + 2 * vv))) * 2 /
         boost::math::constants::pi<Real>();
}

/// linear: <u, v>
template <class Real>
Real closed_form_kernel(const activation::linear&, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  return norm_u * norm_v * a.cosine;
}

/// quadratic: ‖u‖²‖v‖²(1 + 2ρ²)
template <class Real>
Real closed_form_kernel(const activation::quadratic&, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  return norm_u * norm_u * norm_v * norm_v * (1 + 2 * a.cosine * a.cosine);
}

/// K(u, v) for vectors. A zero vector has no direction; every kernel above is then
/// independent of the angle, and a right angle is used.
template <class Activation, class DerivedU, class DerivedV>
typename DerivedU::Scalar closed_form_kernel(const Activation& sigma,
                                             const Eigen::MatrixBase<DerivedU>& u,
                                             const Eigen::MatrixBase<DerivedV>& v)
{
  using Real = typename DerivedU::Scalar;
  const Real norm_u = u.norm();
  const Real norm_v = v.norm();
  const angle<Real> a = (norm_u == 0 || norm_v == 0) ? angle<Real>::from_cosine(Real(0))
                                                     : angle<Real>::between(u, v);
  return closed_form_kernel(sigma, norm_u, norm_v, a);
}

}  // namespace twolayer
