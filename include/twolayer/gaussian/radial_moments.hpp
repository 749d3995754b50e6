// Moments of the norm of a standard Gaussian vector in R^d (the chi distribution with d
// degrees of freedom), which fix the expected scaling factor of the Gaussian target law
// w = (τ/√d) ξ, ξ ~ N(0, I_d) (docs/mathematics.md §2):
//
//   E‖w‖ = τ √(2/d) Γ((d+1)/2) / Γ(d/2),    E‖ξ‖² = d,
//
// by the closed form, and by quadrature of r^p against the unnormalised chi density
// r^{d−1} e^{−r²/2} on [0, ∞) (normalised by quadrature too, so no Gamma function enters).
#pragma once

#include "twolayer/gaussian/quadrature_rules.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"

#include <boost/math/special_functions/gamma.hpp>

namespace twolayer {

/// E‖w‖ for w = (τ/√d) ξ, ξ ~ N(0, I_d), closed form.
template <class Real>
Real gaussian_norm_mean(unsigned d, const Real& tau = Real(1))
{
  using std::sqrt;
  detail::require_dimension(d, 1);
  return tau * sqrt(Real(2) / d) * boost::math::tgamma_ratio(Real(d + 1) / 2, Real(d) / 2);
}

/// E‖ξ‖^p for ξ ~ N(0, I_d), by quadrature: ∫ r^{d−1+p} e^{−r²/2} / ∫ r^{d−1} e^{−r²/2}.
template <class Real>
Real chi_moment_by_quadrature(unsigned d, unsigned p, const quadrature_rules<Real>& rules)
{
  using std::exp;
  using std::log;
  detail::require_dimension(d, 1);
  // r^k e^{−r²/2} as one exponential: r^k alone overflows where the weight underflows.
  auto power_times_weight = [](unsigned k) {
    return [k](const Real& r) -> Real {
      if (r == 0)
        return k == 0 ? Real(1) : Real(0);
      return exp(Real(k * log(r) - r * r / 2));
    };
  };
  return rules.to_infinity(power_times_weight(d - 1 + p), Real(0)) /
         rules.to_infinity(power_times_weight(d - 1), Real(0));
}

/// E‖w‖ for the Gaussian law by quadrature: τ/√d · E‖ξ‖.
template <class Real>
Real gaussian_norm_mean_by_quadrature(unsigned d, const quadrature_rules<Real>& rules,
                                      const Real& tau = Real(1))
{
  using std::sqrt;
  return tau / sqrt(Real(d)) * chi_moment_by_quadrature<Real>(d, 1, rules);
}

}  // namespace twolayer
