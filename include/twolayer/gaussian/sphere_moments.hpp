// Moments of the uniform distribution on the sphere S^{d−1} (docs/mathematics.md §2).
//
//   c_d = E_{u~Unif(S^{d−1})}[relu(u₁)] = Γ(d/2) / (2 √π Γ((d+1)/2))
//
// three ways: the Gamma-function closed form; the exact recurrence c₁ = 1/2, c₂ = 1/π,
// c_{d+2} = c_d · d/(d+1) (from Γ(x+1) = xΓ(x); rational times π^{−1} or π⁰, so it runs
// on MPFI intervals with rigorous primitives only); and quadrature over the marginal
// density of u₁, which in the angle u₁ = cos φ is ∝ sin^{d−2} φ on [0, π].
#pragma once

#include "twolayer/numeric/dual.hpp"

#include "twolayer/gaussian/quadrature_rules.hpp"
#include "twolayer/gaussian/relu_kernel.hpp"

#include <boost/math/constants/constants.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <stdexcept>

namespace twolayer {

namespace detail {
inline void require_dimension(unsigned d, unsigned minimum)
{
  if (d < minimum)
    throw std::domain_error("twolayer: dimension d = " + std::to_string(d) +
                            " is below the minimum " + std::to_string(minimum));
}
}  // namespace detail

/// c_d by the Gamma-function closed form (a constant for dual numbers: c_d depends on d only).
template <class Real>
Real sphere_relu_mean(unsigned d)
{
  detail::require_dimension(d, 1);
  if constexpr (is_dual<Real>::value)
    return Real(sphere_relu_mean<decltype(Real::value)>(d));
  else
    return boost::math::tgamma_ratio(Real(d) / 2, Real(d + 1) / 2) /
         (2 * boost::math::constants::root_pi<Real>());
}

/// c_d by the exact recurrence c_{d+2} = c_d d/(d+1); only + − × ÷ and π, so it is a
/// rigorous enclosure when Real is an MPFI interval.
template <class Real>
Real sphere_relu_mean_by_recurrence(unsigned d)
{
  detail::require_dimension(d, 1);
  Real c = d % 2 == 1 ? Real(1) / 2 : Real(1) / boost::math::constants::pi<Real>();
  for (unsigned k = 2 - d % 2; k + 2 <= d; k += 2) {
    c *= k;
    c /= k + 1;
  }
  return c;
}

/// ∫₀^π g(cos φ) sin^{d−2} φ dφ / ∫₀^π sin^{d−2} φ dφ = E[g(u₁)], d ≥ 2, for g
/// analytic on each of [0, π/2] and [π/2, π] (the integral is split at π/2).
template <class Real, class G>
Real sphere_marginal_mean(unsigned d, const G& g, const quadrature_rules<Real>& rules)
{
  using std::cos;
  using std::pow;
  using std::sin;
  detail::require_dimension(d, 2);
  const Real half_pi = boost::math::constants::half_pi<Real>();
  const Real pi = boost::math::constants::pi<Real>();
  auto density = [d](const Real& phi) { return Real(pow(sin(phi), static_cast<int>(d - 2))); };
  auto weighted = [&](const Real& phi) { return Real(g(Real(cos(phi))) * density(phi)); };
  const Real numerator = rules.finite(weighted, Real(0), half_pi) + rules.finite(weighted, half_pi, pi);
  const Real normaliser = 2 * rules.finite(density, Real(0), half_pi);
  return numerator / normaliser;
}

/// c_d by quadrature over the marginal density of u₁ (d ≥ 2).
template <class Real>
Real sphere_relu_mean_by_quadrature(unsigned d, const quadrature_rules<Real>& rules)
{
  return sphere_marginal_mean<Real>(d, [](const Real& t) { return t > 0 ? t : Real(0); }, rules);
}

/// E_{u,u'}[k(<u,u'>)] / 2π for u, u' independent and uniform on S^{d−1} (d ≥ 2), by
/// quadrature over the law of <u,u'> (the marginal law of u₁). By docs/mathematics.md §2 this equals
/// d c_d²: it is E[F²]/α² computed from the definition F(x) = E_w[a relu(<w,x>)].
template <class Real>
Real sphere_relu_kernel_mean_by_quadrature(unsigned d, const quadrature_rules<Real>& rules)
{
  return sphere_marginal_mean<Real>(
             d, [](const Real& t) { return arc_cosine_kernel(t); }, rules) /
         boost::math::constants::two_pi<Real>();
}

}  // namespace twolayer
