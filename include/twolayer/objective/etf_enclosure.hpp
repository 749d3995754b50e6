// Certified enclosures at the simplex ETF (DESIGN.md §3) in MPFI interval arithmetic from
// rigorous primitives only (+ − × ÷, sqrt, acos, π; TOOLCHAIN.md):
//   Φ_ETF(M) = M / (π + (M−1) k(−1/(M−1))),   r(M, d) = 1 − 2π d c_d² Φ_ETF(M),
// with c_d from its exact recurrence (gaussian/enclosure.hpp) and k(ρ) = √((1−ρ)(1+ρ)) +
// arccos(−ρ) ρ at the rational ρ = −1/(M−1).
#pragma once

#include "twolayer/gaussian/enclosure.hpp"

namespace twolayer {

template <class Interval>
Interval simplex_etf_phi_enclosure(int M)
{
  static_assert(is_interval_v<Interval>, "an enclosure needs an MPFI interval type");
  const Interval pi_value = boost::math::constants::pi<Interval>();
  if (M == 1)
    return 1 / pi_value;
  return Interval(M) / (pi_value + (M - 1) * arc_cosine_kernel_enclosure<Interval>(-1, M - 1));
}

template <class Interval>
Interval relative_loss_enclosure(int M, unsigned d)
{
  const Interval c = sphere_relu_mean_enclosure<Interval>(d);
  return 1 - 2 * boost::math::constants::pi<Interval>() * Interval(d) * c * c * simplex_etf_phi_enclosure<Interval>(M);
}

}  // namespace twolayer
