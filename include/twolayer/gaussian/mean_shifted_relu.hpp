// The mean-field relu target whose first-layer weights have a mean (docs/mathematics.md §2.1):
// w = μ + σ ξ with ξ standard Gaussian in R^d, σ = τ/√d, and R = ‖μ‖/τ, so that ‖μ‖/σ = R√d.
//
//   F(x) = ā E_w[relu(<w, x>)] = ā s g(m/s),   m = <μ, x>,  s = σ‖x‖,
//   g(z) = E[relu(z + Z)] = z Φ(z) + φ(z)       (Z standard normal; g' = Φ, g'' = φ).
//
// F is homogeneous of degree 1 and, on the unit sphere, depends on <μ̂, v> alone: F(v) = ā σ
// G(<μ̂, v>) with G(t) = g(R√d t). Writing x = ‖x‖ v (E‖x‖² = d, v uniform and independent),
//
//   T(c) = E_x[F(x) relu(<u, x>)] = ā τ √d E_v[G(<μ̂, v>) relu(<u, v>)],   c = <u, μ̂>,
//   E[F²] = ā² τ² E_t[G(t)²],   t = <μ̂, v>.
//
// Two routes to T, both in any precision:
//  - the series (gaussian/zonal_harmonics.hpp): T(c) = Σ_n β_n P_n(c), β_n = ā τ √d N(d, n) ĝ_n r̂_n,
//    with ĝ_n, r̂_n the zonal coefficients of G and of relu. A polynomial in c: T', T'' (dual
//    numbers) and T at c = ±1 cost nothing extra. The odd part of g is z/2 exactly (g(z) − g(−z) =
//    z), so ĝ_n = 0 for odd n ≥ 3 and T(c) − T(−c) = ā‖μ‖c/2; the series keeps β_1 and the even
//    terms, and stops where the orthonormal coefficients √N ĝ_n of G fall below their rounding
//    level, 64 n ε ‖G‖₂, for good (G is entire, so they decay faster than geometrically);
//  - the x-side integral over (<μ̂, v>, <e, v>) in polar form (`cross_term_on_sphere`), e the
//    unit vector of u orthogonal to μ̂: v's projection on that plane has density
//    (d − 2)/(2π) (1 − r²)^{(d−4)/2} on the unit disc (d ≥ 3; on the circle for d = 2).
// Two routes to E[F²]: the one-dimensional integral above and Parseval's Σ N(d, n) ĝ_n².
// As R → 0, T → ā τ √d c_d / √(2π) = α d c_d² and E[F²] → ā² τ² / 2π = α² d c_d² (§2).
#pragma once

#include "twolayer/gaussian/quadrature_rules.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/gaussian/zonal_harmonics.hpp"
#include "twolayer/numeric/dual.hpp"

#include <boost/math/constants/constants.hpp>
#include <boost/math/special_functions/erf.hpp>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace twolayer {

/// g(z) = E[relu(z + Z)] = z Φ(z) + φ(z), Z standard normal.
template <class Real>
Real shifted_relu_mean(const Real& z)
{
  using std::erfc;
  using std::exp;
  const Real Phi = erfc(Real(-z / boost::math::constants::root_two<Real>())) / 2;
  const Real phi = exp(Real(-z * z / 2)) / boost::math::constants::root_two_pi<Real>();
  return z * Phi + phi;
}

namespace detail {
inline void require_mean_shift(unsigned d, double ratio_value, bool finite)
{
  require_dimension(d, 2);
  if (!finite || ratio_value < 0)
    throw std::domain_error("twolayer: the mean ratio R = |mu| / tau must be finite and >= 0");
}
/// ā ≠ 0 and τ > 0, both finite (ā = 0 makes F ≡ 0, a target with nothing to compress).
inline void require_scales(double output_mean, double tau)
{
  if (!std::isfinite(output_mean) || output_mean == 0)
    throw std::domain_error("twolayer: the mean of the second layer must be finite and non-zero");
  if (!std::isfinite(tau) || !(tau > 0))
    throw std::domain_error("twolayer: the first layer's scale tau must be finite and > 0");
}
/// A cosine in [−1, 1]; one rounded past an end by a few ulps is clamped, anything else refused.
template <class Real>
Real checked_cosine(const Real& c)
{
  using boost::math::isnan;
  using std::abs;
  if (isnan(c) || abs(c) > 1 + 64 * Eigen::NumTraits<Real>::epsilon())
    throw std::domain_error("twolayer: a cosine must lie in [-1, 1]");
  return c > 1 ? Real(1) : c < -1 ? Real(-1) : c;
}
}  // namespace detail

/// T(c) and E[F²] of the mean-shifted relu target, by the zonal series.
template <class Real>
class mean_shifted_relu_target {
public:
  /// d ≥ 2, R = ‖μ‖/τ ≥ 0, ā the mean of the second layer, τ the first layer's scale.
  mean_shifted_relu_target(unsigned d, const Real& mean_ratio, const Real& output_mean = Real(1),
                           const Real& tau = Real(1), const quadrature_rules<Real>& rules = quadrature_rules<Real>())
      : d_(d), ratio_(mean_ratio), output_mean_(output_mean), tau_(tau)
  {
    using std::abs;
    using std::ceil;
    using std::sqrt;
    using boost::math::isfinite;
    detail::require_mean_shift(d, static_cast<double>(mean_ratio), bool(isfinite(mean_ratio)));
    detail::require_scales(static_cast<double>(output_mean), static_cast<double>(tau));
    const Real scaled = scaled_mean();
    auto G = [&scaled](const Real& t) { return shifted_relu_mean<Real>(Real(scaled * t)); };
    second_moment_ = output_mean_ * output_mean_ * tau_ * tau_ *
                     sphere_marginal_mean<Real>(d, [&G](const Real& t) { return Real(G(t) * G(t)); }, rules);
    const Real norm = sqrt(second_moment_) / (abs(output_mean_) * tau_);  // ‖G‖₂ (ā ≠ 0, τ > 0: checked above)
    // The rounding level of a computed orthonormal coefficient of degree n: the three-term
    // recurrence for P_n loses about n ulps, on top of the quadrature's own few.
    const Real floor = 64 * Eigen::NumTraits<Real>::epsilon() * norm;
    unsigned cap = 24 + 4 * static_cast<unsigned>(ceil(static_cast<double>(scaled)));
    for (;;) {
      g_ = zonal_coefficients<Real>(d, cap, G, boost::math::constants::pi<Real>(), rules);
      unsigned last = 1;
      for (unsigned n = 2; n <= cap; n += 2)
        if (abs(Real(sqrt(harmonic_dimension<Real>(d, n)) * g_[n])) > floor * Real(n))
          last = n;
      if (last + 16 <= cap) {
        g_.resize(last + 1);
        break;
      }
      if (cap >= 4096)
        throw std::runtime_error("twolayer: the zonal series of the mean-shifted target did not settle by degree 4096 (R = " +
                                 std::to_string(static_cast<double>(mean_ratio)) + ")");
      cap *= 2;
    }
    for (unsigned n = 3; n < g_.size(); n += 2)
      g_[n] = 0;  // exactly: the odd part of g is z/2
    const unsigned n_max = static_cast<unsigned>(g_.size()) - 1;
    relu_ = zonal_coefficients<Real>(d, n_max, [](const Real& t) { return t; },
                                     boost::math::constants::half_pi<Real>(), rules);
    const Real front = output_mean_ * tau_ * sqrt(Real(d));
    beta_.assign(n_max + 1, Real(0));
    for (unsigned n = 0; n <= n_max; ++n)
      beta_[n] = front * harmonic_dimension<Real>(d, n) * g_[n] * relu_[n];
  }

  unsigned dimension() const { return d_; }
  const Real& mean_ratio() const { return ratio_; }
  const Real& output_mean() const { return output_mean_; }
  const Real& tau() const { return tau_; }
  /// ‖μ‖/σ = R√d, the argument scale of G.
  Real scaled_mean() const
  {
    using std::sqrt;
    return ratio_ * sqrt(Real(d_));
  }

  /// β_0 … β_n: T(c) = Σ β_n P_n(c).
  const std::vector<Real>& series() const { return beta_; }
  /// ĝ_n, the zonal coefficients of G(t) = g(R√d t).
  const std::vector<Real>& target_coefficients() const { return g_; }

  /// T(c) for c ∈ [−1, 1]; X = Real or a dual number over it (then with T', T'').
  template <class X>
  X cross_term(const X& c) const
  {
    return sphere_legendre_series(d_, beta_, c);
  }
  /// T'(c).
  Real cross_term_slope(const Real& c) const { return cross_term(dual<Real>(c, Real(1))).derivative; }

  /// E[F²] by the one-dimensional integral over t = <μ̂, v>.
  const Real& second_moment() const { return second_moment_; }
  /// E[F²] by Parseval, ā² τ² Σ N(d, n) ĝ_n².
  Real second_moment_by_series() const
  {
    Real sum = 0;
    for (unsigned n = 0; n < g_.size(); ++n)
      sum += harmonic_dimension<Real>(d_, n) * g_[n] * g_[n];
    return output_mean_ * output_mean_ * tau_ * tau_ * sum;
  }

private:
  unsigned d_;
  Real ratio_, output_mean_, tau_;
  Real second_moment_;
  std::vector<Real> g_, relu_, beta_;
};

/// T(c) by the x-side integral over the plane of μ̂ and u (the second route; see the top).
template <class Real>
Real mean_shifted_cross_term_on_sphere(unsigned d, const Real& mean_ratio, const Real& c,
                                       const quadrature_rules<Real>& rules, const Real& output_mean = Real(1),
                                       const Real& tau = Real(1))
{
  using std::acos;
  using std::cos;
  using std::pow;
  using std::sin;
  using std::sqrt;
  using boost::math::isfinite;
  detail::require_mean_shift(d, static_cast<double>(mean_ratio), bool(isfinite(mean_ratio)));
  detail::require_scales(static_cast<double>(output_mean), static_cast<double>(tau));
  const Real scaled = mean_ratio * sqrt(Real(d));
  const Real psi = acos(detail::checked_cosine(c));  // the angle of u from μ̂ in the plane
  const Real half_pi = boost::math::constants::half_pi<Real>();
  const Real two_pi = boost::math::constants::two_pi<Real>();
  // ∫_{−π/2}^{π/2} G(r cos(ψ + φ)) cos φ dφ: relu(<u, v>) = r cos φ on the half-plane it is positive.
  auto arc = [&](const Real& r) {
    auto integrand = [&](const Real& phi) {
      return Real(shifted_relu_mean<Real>(Real(scaled * r * cos(Real(psi + phi)))) * cos(phi));
    };
    return rules.finite(integrand, Real(-half_pi), half_pi);
  };
  Real mean;
  if (d == 2) {
    mean = arc(Real(1)) / two_pi;
  } else {
    // r = sin β: r² (1 − r²)^{(d−4)/2} dr = sin²β cos^{d−3}β dβ, analytic on [0, π/2].
    auto radial = [&](const Real& beta) {
      const Real r = sin(beta);
      return Real(r * r * pow(cos(beta), static_cast<int>(d - 3)) * arc(r));
    };
    mean = Real(d - 2) / two_pi * rules.finite(radial, Real(0), half_pi);
  }
  return output_mean * tau * sqrt(Real(d)) * mean;
}

}  // namespace twolayer
