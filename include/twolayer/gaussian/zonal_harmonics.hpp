// Zonal harmonics on the sphere S^{d−1}, d ≥ 2 (docs/mathematics.md §2.1), after Atkinson and
// Han, "Spherical Harmonics and Approximations on the Unit Sphere" (2012), §2.1–2.2.
//
// The Legendre polynomial of dimension d, normalised to P_n(1) = 1 (the Gegenbauer polynomial
// C_n^{(d−2)/2} divided by its value at 1: Chebyshev's T_n for d = 2, Legendre's P_n for d = 3):
//
//   P_0 = 1,  P_1(t) = t,  (n + d − 2) P_{n+1}(t) = (2n + d − 2) t P_n(t) − n P_{n−1}(t),
//
// and N(d, n), the dimension of the harmonics of degree n:
//
//   N(d, 0) = 1,  N(d, n) = (2n + d − 2) (n + d − 3)! / (n! (d − 2)!)   (N(2, n) = 2, N(3, n) = 2n + 1).
//
// With t = <e, v> for v uniform on the sphere (density ∝ (1 − t²)^{(d−3)/2}), E_t[P_n P_m] =
// δ_nm / N(d, n). The zonal coefficients of a function G of t are ĝ_n = E_t[G(t) P_n(t)], and
// by the addition theorem and the Funk–Hecke formula, for unit a, b and v uniform,
//
//   E_v[G(<a, v>) H(<b, v>)] = Σ_n N(d, n) ĝ_n ĥ_n P_n(<a, b>),   E_t[G(t)²] = Σ_n N(d, n) ĝ_n².
//
// The coefficients are integrals over θ (t = cos θ, weight sin^{d−2} θ, analytic for integer
// d) by a composite 30-point Gauss–Legendre rule whose pieces are doubled until two successive
// rules agree (relative to the largest coefficient): all degrees share one set of nodes.
#pragma once

#include "twolayer/gaussian/quadrature_rules.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace twolayer {

/// N(d, n): the dimension of the spherical harmonics of degree n on S^{d−1} (d ≥ 2).
template <class Real>
Real harmonic_dimension(unsigned d, unsigned n)
{
  detail::require_dimension(d, 2);
  if (n == 0)
    return Real(1);
  // N = (2n + d − 2) (n + d − 3)! / (n! (d − 2)!) = (2n + d − 2) C(n + d − 3, d − 2) / n, with the
  // binomial C(n + d − 3, d − 2) = (n + d − 3)! / ((n − 1)! (d − 2)!) built as a product of ratios.
  Real binomial = 1;
  for (unsigned k = 1; k + 2 <= d; ++k) {
    binomial *= Real(n + k - 1);
    binomial /= Real(k);
  }
  return Real(2 * n + d - 2) * binomial / Real(n);
}

/// P_0(t), …, P_{n_max}(t) of dimension d, by the three-term recurrence (stable on [−1, 1]).
/// X may be a dual number: the derivatives in t come with the values.
template <class X>
std::vector<X> sphere_legendre(unsigned d, unsigned n_max, const X& t)
{
  detail::require_dimension(d, 2);
  std::vector<X> p(n_max + 1);
  p[0] = X(1);
  if (n_max >= 1)
    p[1] = t;
  for (unsigned n = 1; n + 1 <= n_max; ++n)
    p[n + 1] = (X(static_cast<int>(2 * n + d - 2)) * t * p[n] - X(static_cast<int>(n)) * p[n - 1]) / X(static_cast<int>(n + d - 2));
  return p;
}

/// Σ_n a_n P_n(t) for the coefficients a (Real) at t (X: Real or a dual number over it).
template <class Real, class X>
X sphere_legendre_series(unsigned d, const std::vector<Real>& a, const X& t)
{
  detail::require_dimension(d, 2);
  if (a.empty())
    return X(0);
  X previous = X(1);  // P_{n−1}
  X current = t;      // P_n
  X sum = X(a[0]);
  if (a.size() >= 2)
    sum += X(a[1]) * t;
  for (unsigned n = 1; n + 1 < a.size(); ++n) {
    X next = (X(static_cast<int>(2 * n + d - 2)) * t * current - X(static_cast<int>(n)) * previous) / X(static_cast<int>(n + d - 2));
    sum += X(a[n + 1]) * next;
    previous = std::move(current);
    current = std::move(next);
  }
  return sum;
}

/// Z_d = ∫₀^π sin^{d−2} θ dθ = √π Γ((d−1)/2) / Γ(d/2), the normaliser of t's density.
template <class Real>
Real sphere_marginal_normaliser(unsigned d)
{
  detail::require_dimension(d, 2);
  return boost::math::constants::root_pi<Real>() * boost::math::tgamma_ratio(Real(d - 1) / 2, Real(d) / 2);
}

/// ĝ_n = E_t[G(t) P_n(t)], n = 0 … n_max, for G analytic on [cos θ_end, 1]: G is taken to
/// vanish for θ > θ_end (θ_end = π/2 for a function that is zero on t < 0, like relu).
template <class Real, class G>
std::vector<Real> zonal_coefficients(unsigned d, unsigned n_max, const G& g, const Real& theta_end,
                                     const quadrature_rules<Real>& rules)
{
  using std::abs;
  using std::cos;
  using std::pow;
  using std::sin;
  using rule = boost::math::quadrature::gauss<Real, 30>;
  detail::require_dimension(d, 2);
  (void)rules;  // its construction checked that the nodes suit the precision in force
  const Real normaliser = sphere_marginal_normaliser<Real>(d);
  auto integrate = [&](unsigned pieces) {
    std::vector<Real> sums(n_max + 1, Real(0));
    const Real width = theta_end / Real(pieces);
    const auto& nodes = rule::abscissa();
    const auto& weights = rule::weights();
    for (unsigned piece = 0; piece < pieces; ++piece) {
      const Real middle = width * (Real(piece) + Real(1) / 2);
      const Real half = width / 2;
      for (std::size_t i = 0; i < nodes.size(); ++i)
        for (int side : {-1, 1}) {
          if (side == 1 && nodes[i] == 0)
            continue;  // the middle node of an odd rule, once
          const Real theta = middle + Real(side) * half * nodes[i];
          const Real t = cos(theta);
          const Real weight = half * weights[i] * pow(sin(theta), static_cast<int>(d - 2)) * g(t);
          const auto p = sphere_legendre(d, n_max, t);
          for (unsigned n = 0; n <= n_max; ++n)
            sums[n] += weight * p[n];
        }
    }
    for (auto& s : sums)
      s /= normaliser;
    return sums;
  };
  unsigned pieces = 4;
  std::vector<Real> coarse = integrate(pieces);
  for (;;) {
    pieces *= 2;
    std::vector<Real> fine = integrate(pieces);
    Real scale = 0;
    Real change = 0;
    for (unsigned n = 0; n <= n_max; ++n) {
      scale = abs(fine[n]) > scale ? Real(abs(fine[n])) : scale;
      const Real difference = abs(Real(fine[n] - coarse[n]));
      change = difference > change ? difference : change;
    }
    if (change <= quadrature_rules<Real>::tolerance() * scale)
      return fine;
    if (pieces >= 4096)
      throw std::runtime_error("twolayer: zonal coefficients up to degree " + std::to_string(n_max) +
                               " did not converge with 4096 pieces of a 30-point rule");
    coarse = std::move(fine);
  }
}

}  // namespace twolayer
