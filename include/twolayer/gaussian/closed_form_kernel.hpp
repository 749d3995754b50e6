// Closed-form Gaussian kernels K(u, v) = E_x[σ(<u,x>) σ(<v,x>)], x ~ N(0, I)
// (docs/mathematics.md §4), as functions of the norms ‖u‖, ‖v‖ and the angle between u and v.
//
// Literature (docs/mathematics.md §8): Cho and Saul 2009 (relu, step, abs: arc-cosine kernels);
//   Williams 1998 (erf).
#pragma once

#include "twolayer/gaussian/angular_kernel.hpp"
#include "twolayer/model/activation.hpp"

#include "twolayer/numeric/constants.hpp"

namespace twolayer {

/// relu, leaky relu, abs, linear (positively homogeneous of degree 1):
/// ‖u‖‖v‖ κ(ρ) with the angular parts of gaussian/angular_kernel.hpp, e.g. relu's
/// (sin θ + (π−θ) cos θ) / 2π, leaky relu's ((1+s²) k(ρ) − 2s k(−ρ)) / 2π,
/// abs's (2/π)(√(1−ρ²) + ρ arcsin ρ), linear's ρ.
template <class Activation, class Real>
  requires(Activation::homogeneity == 1)
Real closed_form_kernel(const Activation& sigma, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  return norm_u * norm_v * angular_kernel(sigma, a);
}

/// step (Heaviside, step(0) = 0): P(<u,x> > 0, <v,x> > 0) = (π − θ) / 2π
template <class Real>
Real closed_form_kernel(const activation::step&, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  if (norm_u == 0 || norm_v == 0)
    return Real(0);
  return a.supplement / (2 * pi<Real>());
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
         pi<Real>();
}

/// quadratic: ‖u‖²‖v‖²(1 + 2ρ²)
template <class Real>
Real closed_form_kernel(const activation::quadratic&, const Real& norm_u, const Real& norm_v,
                        const angle<Real>& a)
{
  return norm_u * norm_u * norm_v * norm_v * (1 + 2 * a.cosine * a.cosine);
}

/// K(u, v) for vectors. A zero vector has no direction; every kernel above is then
/// independent of the angle, and a right angle is used. Equal vectors (the diagonal
/// K(v, v)) take the zero angle exactly: |û − v̂| = 0 has no derivative, so computing it
/// would give dual numbers a 0/0.
template <class Activation, class DerivedU, class DerivedV>
typename DerivedU::Scalar closed_form_kernel(const Activation& sigma,
                                             const Eigen::MatrixBase<DerivedU>& u,
                                             const Eigen::MatrixBase<DerivedV>& v)
{
  using Real = typename DerivedU::Scalar;
  const Real norm_u = u.norm();
  const Real norm_v = v.norm();
  const angle<Real> a = (norm_u == 0 || norm_v == 0) ? angle<Real>::from_cosine(Real(0))
                        : u == v                      ? angle<Real>::zero()
                                                      : angle<Real>::between(u, v);
  return closed_form_kernel(sigma, norm_u, norm_v, a);
}

}  // namespace twolayer
