// The expected scaling factor α = E[a‖w‖] = ā E‖w‖ of a target law (docs/mathematics.md §2), with
// w = (τ/√d) ξ:
//   gaussian ξ:    E‖w‖ = τ √(2/d) Γ((d+1)/2)/Γ(d/2)              (exact, closed form)
//   rademacher ξ:  ‖w‖ = τ                                          (exact)
//   uniform ξ:     E‖w‖ = (τ/√d) E‖ξ‖ by quadrature of the identity
//                  √x = (1/(2√π)) ∫_0^∞ (1 − e^{−tx}) t^{−3/2} dt, i.e.
//                  E‖ξ‖ = (1/√π) ∫_0^∞ (1 − m(s²)^d) s^{−2} ds,  m(t) = E e^{−tU²},
//                  m(t) = √π erf(z)/(2z), z = √(3t), for U uniform on [−√3, √3].
// The same identity with the Gaussian m(t) = (1+2t)^{−1/2} is a second route to the
// Gaussian closed form (tests/).
#pragma once

#include "twolayer/gaussian/quadrature_rules.hpp"
#include "twolayer/gaussian/radial_moments.hpp"
#include "twolayer/model/target_law.hpp"

#include <boost/math/special_functions/erf.hpp>

namespace twolayer {

namespace detail {

/// m(t) − 1 for U uniform on [−√3, √3], without cancellation for small t:
/// √π erf(z)/(2z) − 1 = Σ_{n≥1} (−1)^n z^{2n} / (n! (2n+1)).
template <class Real>
Real uniform_square_laplace_minus_one(const Real& t)
{
  using std::abs;
  using std::sqrt;
  const Real z2 = 3 * t;
  if (z2 >= 1) {
    const Real z = sqrt(z2);
    return boost::math::constants::root_pi<Real>() * boost::math::erf(z) / (2 * z) - 1;
  }
  Real term = 1;  // z^{2n}/n!
  Real sum = 0;
  for (int n = 1; n < 10000; ++n) {
    term *= z2 / n;
    const Real contribution = term / (2 * n + 1);
    sum += n % 2 == 1 ? Real(-contribution) : contribution;
    if (abs(contribution) <= Eigen::NumTraits<Real>::epsilon() * abs(sum))
      break;
  }
  return sum;
}

/// (1/√π) ∫_0^∞ (1 − m(s²)^d) s^{−2} ds for m(t) − 1 given, split at s = 1 and mapped
/// s = 1/u on [1, ∞) so that both pieces are bounded integrands on [0, 1].
template <class Real, class LaplaceMinusOne>
Real expected_root_from_laplace(unsigned d, const LaplaceMinusOne& m_minus_one,
                                const quadrature_rules<Real>& rules)
{
  using std::expm1;
  using std::log1p;
  auto one_minus_power = [&](const Real& t) { return Real(-expm1(Real(d * log1p(m_minus_one(t))))); };
  auto near = [&](const Real& s) -> Real {
    if (s == 0)  // m(t) = 1 − t E[U²] + O(t²) with E[U²] = 1: the limit is d
      return Real(d);
    return one_minus_power(Real(s * s)) / (s * s);
  };
  auto far = [&](const Real& u) -> Real {
    if (u == 0)
      return Real(1);
    return one_minus_power(Real(1 / (u * u)));
  };
  return (rules.finite(near, Real(0), Real(1)) + rules.finite(far, Real(0), Real(1))) /
         boost::math::constants::root_pi<Real>();
}

}  // namespace detail

/// E‖ξ‖ for ξ with i.i.d. entries uniform on [−√3, √3], by quadrature.
template <class Real>
Real uniform_norm_mean_by_quadrature(unsigned d, const quadrature_rules<Real>& rules)
{
  return detail::expected_root_from_laplace<Real>(
      d, [](const Real& t) { return detail::uniform_square_laplace_minus_one(t); }, rules);
}

/// E‖ξ‖ for ξ ~ N(0, I_d) by the same identity: m(t) − 1 = (1+2t)^{−1/2} − 1.
template <class Real>
Real gaussian_norm_mean_by_laplace_quadrature(unsigned d, const quadrature_rules<Real>& rules)
{
  using std::log1p;
  using std::expm1;
  return detail::expected_root_from_laplace<Real>(
      d, [](const Real& t) { return Real(expm1(Real(-log1p(Real(2 * t)) / 2))); }, rules);
}

/// α = ā E‖w‖ for the law.
template <class Real>
Real expected_scaling_factor(const target_law& law, unsigned d, const quadrature_rules<Real>& rules)
{
  const Real tau = Real(law.tau);
  Real norm_mean = 0;
  switch (law.entries) {
  case entry_law::gaussian: norm_mean = gaussian_norm_mean<Real>(d, tau); break;
  case entry_law::rademacher: norm_mean = tau; break;
  case entry_law::uniform: {
    using std::sqrt;
    norm_mean = tau / sqrt(Real(d)) * uniform_norm_mean_by_quadrature<Real>(d, rules);
    break;
  }
  }
  return Real(law.mean_a) * norm_mean;
}

/// Whether expected_scaling_factor is exact (closed form) or a quadrature value.
inline bool scaling_factor_is_exact(const target_law& law)
{
  return law.entries != entry_law::uniform;
}

}  // namespace twolayer
