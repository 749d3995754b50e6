// Moments of the simplified (mean-field) ReLU target F(x) = E_{a,w}[a relu(<w,x>)]
// = α c_d ‖x‖ for an isotropic law with expected scaling factor α = E[a‖w‖]
// (docs/mathematics.md §2):
//
//   E[F²] = α² d c_d²,    E[F(x) relu(<v,x>)] = α d c_d² ‖v‖.
//
// Second route: x = r u with r = ‖x‖ and u uniform on the sphere independent, so
// E[F²] = α² c_d² E[r²] and E[F relu(<v,x>)] = α c_d ‖v‖ E[r²] E[relu(u₁)], with E[r²]
// by quadrature over the radial (chi) density and c_d over the marginal density of u₁.
#pragma once

#include "twolayer/gaussian/radial_moments.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"

namespace twolayer {

template <class Real>
Real relu_target_second_moment(const Real& alpha, unsigned d)
{
  const Real c = sphere_relu_mean<Real>(d);
  return alpha * alpha * d * c * c;
}

template <class Real>
Real relu_target_cross_moment(const Real& alpha, unsigned d, const Real& norm_v)
{
  const Real c = sphere_relu_mean<Real>(d);
  return alpha * d * c * c * norm_v;
}

template <class Real>
Real relu_target_second_moment_by_quadrature(const Real& alpha, unsigned d,
                                             const quadrature_rules<Real>& rules)
{
  const Real c = sphere_relu_mean_by_quadrature<Real>(d, rules);
  return alpha * alpha * c * c * chi_moment_by_quadrature<Real>(d, 2, rules);
}

template <class Real>
Real relu_target_cross_moment_by_quadrature(const Real& alpha, unsigned d, const Real& norm_v,
                                            const quadrature_rules<Real>& rules)
{
  const Real c = sphere_relu_mean_by_quadrature<Real>(d, rules);
  return alpha * c * norm_v * chi_moment_by_quadrature<Real>(d, 2, rules) * c;
}

}  // namespace twolayer
