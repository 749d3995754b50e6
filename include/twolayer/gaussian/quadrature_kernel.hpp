// The generic route to K(u, v) = E_x[σ(<u,x>) σ(<v,x>)] for any activation: the
// bivariate normal integral in polar coordinates (docs/mathematics.md §4).
//
// Place u and v symmetrically about the first axis, u at angle −θ/2 and v at +θ/2, and
// x = r (cos t, sin t). With φ = π − θ,
//   <u,x> = ‖u‖ r cos(t + θ/2) = ‖u‖ r sin(φ/2 − t),
//   <v,x> = ‖v‖ r cos(t − θ/2) = ‖v‖ r sin(φ/2 + t).
// Pairing t with t + π (which flips the sign of x) folds the angular range onto
// [−π/2, π/2]:
//   K = (1/2π) ∫_{−π/2}^{π/2} dt Σ_{s=±1} ∫_0^∞ σ(s‖u‖ r sin(φ/2−t)) σ(s‖v‖ r sin(φ/2+t)) r e^{−r²/2} dr.
// A kink at 0 is crossed on the rays t = ±φ/2, where the angular integral is split; a
// kink b ≠ 0 at the radius where the argument equals b, where the radial one is, and the
// angular integrand then has a kink of its own in the direction of the point where the
// kink lines <u,x> = b₁ and <v,x> = b₂ cross (its two split radii meet there), where the
// angular integral is split too. Every
// piece is then analytic and Gauss–Kronrod reaches full precision (a tensor Gauss–Hermite
// rule stalls at a few digits on relu or step). Because the cuts
// ±φ/2 are formed from φ itself, the narrow piece that carries the whole kernel as
// ρ → −1 (relu's K ≈ ‖u‖‖v‖ φ³/6π) has exact endpoints: no digits are lost there.
#pragma once

#include "twolayer/gaussian/angle.hpp"
#include "twolayer/gaussian/quadrature_rules.hpp"

#include <boost/math/constants/constants.hpp>

#include <algorithm>
#include <vector>

namespace twolayer {

namespace detail {

/// Sorted, with points closer than a few ulps merged: pieces of zero width would only
/// add rounding.
template <class Real>
void sort_and_merge(std::vector<Real>& points)
{
  using std::abs;
  std::sort(points.begin(), points.end());
  const Real tiny = 16 * Eigen::NumTraits<Real>::epsilon();
  std::vector<Real> merged;
  for (const Real& p : points)
    if (merged.empty() || abs(Real(p - merged.back())) > tiny * (1 + abs(p)))
      merged.push_back(p);
  points.swap(merged);
}

}  // namespace detail

template <class Activation, class Real>
Real quadrature_kernel(const Activation& sigma, const Real& norm_u, const Real& norm_v,
                       const angle<Real>& a, const quadrature_rules<Real>& rules)
{
  using std::abs;
  using std::atan2;
  using std::cos;
  using std::exp;
  using std::sin;
  const Real half_pi = boost::math::constants::half_pi<Real>();
  const Real half_phi = a.supplement / 2;
  const std::vector<Real> kinks = sigma.template kinks<Real>();
  // The radial integral is truncated where the Gaussian weight is below ε² (σ of at most
  // polynomial growth; quadrature_rules::gaussian_radius).
  const Real radius = quadrature_rules<Real>::gaussian_radius();

  // ∫_0^R σ(along_u r) σ(along_v r) r e^{−r²/2} dr, split where a kink is crossed.
  auto radial = [&](const Real& along_u, const Real& along_v) -> Real {
    std::vector<Real> radii{Real(0), radius};
    for (const Real& b : kinks)
      for (const Real& slope : {along_u, along_v})
        if (b != 0 && slope != 0 && b / slope > 0 && b / slope < radius)
          radii.push_back(b / slope);
    detail::sort_and_merge(radii);
    auto integrand = [&](const Real& r) -> Real {
      return sigma(Real(along_u * r)) * sigma(Real(along_v * r)) * r * exp(Real(-r * r / 2));
    };
    Real sum = 0;
    for (std::size_t i = 0; i + 1 < radii.size(); ++i)
      sum += rules.finite(integrand, radii[i], radii[i + 1]);
    return sum;
  };

  // Angular pieces of [−π/2, π/2] cut at ±φ/2. On each, the signs of sin(φ/2 − t) and
  // sin(φ/2 + t) are constant; they are imposed from the piece's midpoint, since near a
  // cut the rounded t could give the wrong sign and turn a piece where the integrand
  // vanishes into rounding noise that the rule refines to its limit.
  std::vector<Real> cuts{Real(-half_pi), Real(-half_phi), half_phi, half_pi};
  // Directions of the crossings of the kink lines <u,x> = b₁, <v,x> = b₂: with
  // c = cos(θ/2) = sin(φ/2), s = sin(θ/2) = cos(φ/2), the crossing is
  // x = ((p+q)/2c, (q−p)/2s), p = b₁/‖u‖, q = b₂/‖v‖ (parallel lines never cross). The
  // fold t ↦ t + π maps the mirrored crossing (−b₁, −b₂) onto the same cut.
  const Real half_cos = sin(half_phi);
  const Real half_sin = cos(half_phi);
  for (const Real& b1 : kinks)
    for (const Real& b2 : kinks) {
      if ((b1 == 0 && b2 == 0) || half_cos == 0 || half_sin == 0)
        continue;
      const Real p = b1 / norm_u;
      const Real q = b2 / norm_v;
      Real t = atan2(Real((q - p) / (2 * half_sin)), Real((p + q) / (2 * half_cos)));
      if (t < -half_pi)
        t += boost::math::constants::pi<Real>();
      else if (t >= half_pi)
        t -= boost::math::constants::pi<Real>();
      cuts.push_back(t);
    }
  detail::sort_and_merge(cuts);
  Real sum = 0;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const Real middle = (cuts[i] + cuts[i + 1]) / 2;
    const int sign_u = sin(Real(half_phi - middle)) < 0 ? -1 : 1;
    const int sign_v = sin(Real(half_phi + middle)) < 0 ? -1 : 1;
    auto angular = [&](const Real& t) -> Real {
      const Real along_u = sign_u * norm_u * abs(sin(Real(half_phi - t)));
      const Real along_v = sign_v * norm_v * abs(sin(Real(half_phi + t)));
      return radial(along_u, along_v) + radial(Real(-along_u), Real(-along_v));
    };
    sum += rules.finite(angular, cuts[i], cuts[i + 1]);
  }
  return sum / boost::math::constants::two_pi<Real>();
}

}  // namespace twolayer
