// Certified enclosures at the simplex ETF (docs/mathematics.md §3) in MPFI interval arithmetic from
// rigorous primitives only (+ − × ÷, sqrt, acos, π; docs/numerics.md):
//   Φ_ETF(M) = M / (π + (M−1) k(−1/(M−1))),   r(M, d) = 1 − 2π d c_d² Φ_ETF(M),
// with c_d from its exact recurrence (gaussian/enclosure.hpp) and k(ρ) = √((1−ρ)(1+ρ)) +
// arccos(−ρ) ρ at the rational ρ = −1/(M−1).
//
// One case is exact in rationals: the antipodal pair in odd dimension. With k(−1) = 0 the
// Gram matrix of the pair is πI, so Φ_ETF(2) = 2/π and r(2, d) = 1 − 4 d c_d². For d = 2m+1,
// c_d = Γ(d/2) / (2√π Γ((d+1)/2)) with Γ(m + 1/2) = (2m)! √π / (4^m m!) and Γ(m + 1) = m!,
// so c_d = C(2m, m) / (2·4^m) and
//   r(2, 2m+1) = 1 − (2m+1) C(2m, m)² / 16^m,
// a rational: 0 at d = 1 (the pair compresses |x| exactly), 1/4 at d = 3, 19/64 at d = 5.
#pragma once

#include "twolayer/gaussian/enclosure.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <utility>

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

/// r(2, d) as an exact fraction (numerator, denominator > 0) for odd d ≤ 31; none for even d
/// (there c_d² carries 1/π and r is irrational).
inline std::optional<std::pair<std::int64_t, std::int64_t>> pair_relative_loss_exact(unsigned d)
{
  if (d % 2 == 0)
    return std::nullopt;
  if (d > 31)
    throw std::invalid_argument("pair_relative_loss_exact: d above 31 overflows 64-bit integers");
  const std::int64_t m = (d - 1) / 2;
  std::int64_t central = 1;  // C(2m, m), exactly: each partial product is a binomial coefficient
  for (std::int64_t i = 1; i <= m; ++i)
    central = central * (m + i) / i;
  const std::int64_t denominator = std::int64_t(1) << (4 * m);  // 16^m
  std::int64_t numerator = denominator - static_cast<std::int64_t>(d) * central * central;
  std::int64_t a = numerator < 0 ? -numerator : numerator, b = denominator;
  while (b != 0) {
    const std::int64_t t = a % b;
    a = b;
    b = t;
  }
  if (a == 0)
    return std::pair<std::int64_t, std::int64_t>{0, 1};
  return std::pair<std::int64_t, std::int64_t>{numerator / a, denominator / a};
}

}  // namespace twolayer
