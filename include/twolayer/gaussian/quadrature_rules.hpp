// The one-dimensional quadrature rules the Gaussian integrals are built from: Boost.Math's
// double-exponential rules, which reach full precision on integrands analytic inside the
// interval (the callers split at kinks, so every piece is).
//
// Construct a quadrature_rules<Real> *after* fixing the run-time precision of Real: the
// rules tabulate their nodes at the precision in force when they are built.
//
// No error estimate is returned: a piece's estimate is relative to its own L1 norm and
// says little about the sum (pieces where the integrand vanishes up to rounding report
// large relative errors on nothing). Accuracy is established the project's way instead,
// by agreement with an independent route (tests/, twolayer-kernels).
#pragma once

#include "twolayer/numeric/eigen_traits.hpp"

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include <limits>

namespace twolayer {

template <class Real>
class quadrature_rules {
public:
  quadrature_rules() : finite_(max_refinements, minimum_endpoint_distance()) {}

  /// ∫_a^b f, a < b finite.
  template <class F>
  Real finite(const F& f, const Real& a, const Real& b) const
  {
    return finite_.integrate(f, a, b, tolerance());
  }

  /// ∫_a^∞ f.
  template <class F>
  Real to_infinity(const F& f, const Real& a) const
  {
    return half_line_.integrate(f, a, std::numeric_limits<Real>::infinity(), tolerance());
  }

  /// The relative change between levels at which a rule stops refining. The
  /// double-exponential rules roughly double their correct digits per level, so stopping
  /// when successive levels agree to half the digits leaves the last level accurate to
  /// about all of them (Boost.Math's own default).
  static Real tolerance()
  {
    using std::sqrt;
    return sqrt(Eigen::NumTraits<Real>::epsilon());
  }

private:
  // Boost's default closest approach to an endpoint, 4 × the smallest positive value,
  // overflows the node count for MPFR's huge exponent range. Every piece the library
  // integrates is bounded, so stopping ε³ from the endpoints loses nothing.
  static Real minimum_endpoint_distance()
  {
    const Real epsilon = Eigen::NumTraits<Real>::epsilon();
    return epsilon * epsilon * epsilon;
  }
  static constexpr std::size_t max_refinements = 15;

  // mutable: Boost 1.74 declares integrate() const but defines it non-const, so it can
  // only be called on a non-const rule. The rules only extend their node tables lazily.
  mutable boost::math::quadrature::tanh_sinh<Real> finite_;
  mutable boost::math::quadrature::exp_sinh<Real> half_line_;
};

}  // namespace twolayer
