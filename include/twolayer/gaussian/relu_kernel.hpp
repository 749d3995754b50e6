// The arc-cosine kernel of ReLU (docs/mathematics.md §2):
//   k(ρ) = √(1−ρ²) + (π − arccos ρ) ρ = sin θ + (π − θ) cos θ,
//   k'(ρ) = π − arccos ρ,  k''(ρ) = 1/√(1−ρ²),
// so that E[relu(<u,x>) relu(<v,x>)] = ‖u‖‖v‖ k(ρ) / 2π.
//
// Literature (docs/mathematics.md §8): Cho and Saul 2009 (the arc-cosine kernels).
#pragma once

#include "twolayer/gaussian/angle.hpp"

namespace twolayer {

namespace detail {

/// sin φ − φ cos φ = Σ_{n≥1} (−1)^{n+1} 2n φ^{2n+1} / (2n+1)!, for small φ, where the
/// closed form cancels: the value is ≈ φ³/3 while each term is ≈ φ.
template <class Real>
Real sine_minus_angle_cosine_series(const Real& phi)
{
  using std::abs;
  const Real phi2 = phi * phi;
  const Real tolerance = Eigen::NumTraits<Real>::epsilon();
  Real power = phi * phi2;  // φ^{2n+1} / (2n+1)!, n = 1
  power /= 6;
  Real sum = 0;
  for (int n = 1; n < 100000; ++n) {
    const Real term = power * (2 * n);
    sum += (n % 2 == 1) ? term : Real(-term);
    if (abs(term) <= tolerance * abs(sum))
      break;
    power *= phi2;
    power /= (2 * n + 2) * (2 * n + 3);
  }
  return sum;
}

}  // namespace detail

/// k(ρ) = sin θ + (π − θ) cos θ, accurate to working precision for every θ ∈ [0, π].
template <class Real>
Real arc_cosine_kernel(const angle<Real>& a)
{
  using std::cos;
  using std::sin;
  // With φ = π − θ: k = sin φ − φ cos φ, which cancels for small φ (ρ → −1).
  if (a.supplement <= Real(1) / 2)
    return detail::sine_minus_angle_cosine_series(a.supplement);
  return a.sine + a.supplement * a.cosine;
}

template <class Real>
Real arc_cosine_kernel(const Real& rho)
{
  return arc_cosine_kernel(angle<Real>::from_cosine(rho));
}

/// k'(ρ) = π − arccos ρ.
template <class Real>
Real arc_cosine_kernel_derivative(const angle<Real>& a)
{
  return a.supplement;
}

/// k''(ρ) = 1/√(1−ρ²) (infinite at ρ = ±1; use the angle form there, docs/mathematics.md §3).
template <class Real>
Real arc_cosine_kernel_second_derivative(const angle<Real>& a)
{
  return 1 / a.sine;
}

}  // namespace twolayer
