// The angle between two directions, kept in the forms the kernels need without
// cancellation: cos θ, θ, its supplement π − θ, and sin θ.
//
// Near ρ = cos θ = −1 the kernels depend on π − θ (e.g. relu's k ≈ (π−θ)³/3), and
// π − acos(ρ) loses about half the digits there; acos(−ρ) does not. Likewise
// 1 − ρ² is formed as (1 − ρ)(1 + ρ), whose factors are exact. From vectors, the angle
// is taken from |û − v̂| and |û + v̂| (2·atan2), not from acos of a rounded cosine.
#pragma once

#include "twolayer/numeric/constants.hpp"
#include "twolayer/numeric/matrix.hpp"

#include <boost/math/constants/constants.hpp>

#include <stdexcept>

namespace twolayer {

template <class Real>
struct angle {
  Real cosine;      // ρ = cos θ
  Real theta;       // θ ∈ [0, π]
  Real supplement;  // π − θ, computed directly (not by subtraction)
  Real sine;        // sin θ ≥ 0

  /// The angle with the given cosine; ρ must lie in [−1, 1].
  static angle from_cosine(const Real& rho)
  {
    using std::acos;
    using std::sqrt;
    if (!(rho >= -1 && rho <= 1))
      throw std::domain_error("twolayer::angle: cosine outside [-1, 1]");
    return angle{rho, acos(rho), acos(Real(-rho)), sqrt(Real((1 - rho) * (1 + rho)))};
  }

  /// The angle between two non-zero vectors.
  template <class DerivedU, class DerivedV>
  static angle between(const Eigen::MatrixBase<DerivedU>& u, const Eigen::MatrixBase<DerivedV>& v)
  {
    using std::atan2;
    const Real norm_u = u.norm();
    const Real norm_v = v.norm();
    if (norm_u == 0 || norm_v == 0)
      throw std::domain_error("twolayer::angle: zero vector has no direction");
    // a = |û − v̂| = 2 sin(θ/2), b = |û + v̂| = 2 cos(θ/2). The squares are formed directly, and
    // a root is taken only of a non-zero square: at coincident (a = 0) or antipodal (b = 0)
    // directions |·| has no derivative, and dual numbers would turn 0/0 into NaN, while every
    // kernel is smooth enough there that its derivatives do not need it.
    using std::sqrt;
    const Real a2 = (u / norm_u - v / norm_v).squaredNorm();
    const Real b2 = (u / norm_u + v / norm_v).squaredNorm();
    const Real a = a2 == 0 ? Real(0) : Real(sqrt(a2));
    const Real b = b2 == 0 ? Real(0) : Real(sqrt(b2));
    return angle{Real((b2 - a2) / (a2 + b2)), Real(2 * atan2(a, b)), Real(2 * atan2(b, a)),
                 Real(a * b / 2)};
  }

  /// arcsin ρ = π/2 − θ: from θ or π − θ where |ρ| ≥ 1/2 (no cancellation there, and no
  /// infinite derivative at ρ = ±1 for dual numbers), by asin in between.
  Real arcsine() const
  {
    using std::asin;
    const Real half_pi = pi<Real>() / 2;
    if (cosine >= Real(1) / 2)
      return half_pi - theta;
    if (cosine <= Real(-1) / 2)
      return supplement - half_pi;
    return asin(cosine);
  }

  /// The angle between a direction and itself, exactly (no acos at 1, whose derivative is
  /// infinite: dual numbers would turn its zero derivative into 0·∞).
  static angle zero() { return angle{Real(1), Real(0), pi<Real>(), Real(0)}; }

  /// The angle of (u, −v): θ ↦ π − θ, ρ ↦ −ρ.
  angle opposite() const { return angle{Real(-cosine), supplement, theta, sine}; }
};

}  // namespace twolayer
