// Certified enclosures in MPFI interval arithmetic, built from rigorous primitives only
// (+ − × ÷, sqrt, acos, π; docs/numerics.md): Boost.Math special functions evaluated on
// intervals do not account for their truncation error and are not used here.
#pragma once

#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/numeric/scalar.hpp"

#include <boost/math/constants/constants.hpp>

#include <stdexcept>

namespace twolayer {

/// An interval containing c_d: the exact recurrence c₁ = 1/2, c₂ = 1/π,
/// c_{d+2} = c_d d/(d+1) evaluated with outward rounding.
template <class Interval>
Interval sphere_relu_mean_enclosure(unsigned d)
{
  static_assert(is_interval_v<Interval>, "an enclosure needs an MPFI interval type");
  return sphere_relu_mean_by_recurrence<Interval>(d);
}

/// An interval containing k(ρ) = √((1−ρ)(1+ρ)) + arccos(−ρ) ρ at the rational ρ = p/q.
template <class Interval>
Interval arc_cosine_kernel_enclosure(long p, long q)
{
  static_assert(is_interval_v<Interval>, "an enclosure needs an MPFI interval type");
  using std::acos;
  using std::sqrt;
  if (q <= 0 || p > q || p < -q)
    throw std::domain_error("twolayer: rational cosine p/q needs q > 0 and |p| <= q");
  const Interval rho = Interval(p) / Interval(q);
  return sqrt(Interval((1 - rho) * (1 + rho))) + acos(Interval(-rho)) * rho;
}

/// An interval containing the ReLU kernel ‖u‖‖v‖ k(ρ)/2π for unit vectors at ρ = p/q.
template <class Interval>
Interval relu_kernel_enclosure(long p, long q)
{
  // 2π from MPFI's own rigorous π (mpfi_const_pi), times an exact 2.
  return arc_cosine_kernel_enclosure<Interval>(p, q) /
         (2 * boost::math::constants::pi<Interval>());
}

}  // namespace twolayer
