// The one-dimensional quadrature rules the Gaussian integrals are built from.
//
//   finite(f, a, b)     adaptive Gauss–Legendre: Boost.Math's 30-point rule on an
//                       interval and on its halves; an interval is accepted when the two
//                       agree to the tolerance below (relative to the whole integral),
//                       else both halves are refined.
//                       Geometric convergence on integrands analytic on [a, b] (the callers
//                       split at kinks, so every piece is), and 3–10× fewer evaluations
//                       than a double-exponential rule when nested (measured at 50 digits).
//                       (Boost 1.74's gauss_kronrod hangs computing its Kronrod weights at
//                       run-time MPFR precision; its gauss rule does not.)
//   to_infinity(f, a)   Boost.Math's exp_sinh for [a, ∞);
//   gaussian_radius()   a radius beyond which e^{−r²/2} times any polynomial of modest
//                       degree is negligible, to truncate Gaussian radial integrals.
//
// Accuracy is established the project's way, by agreement with an independent route
// (tests/, twolayer-kernels), not by trusting the rules' error estimates.
//
// Run-time precision: Boost tabulates the Gauss–Legendre nodes of a run-time precision
// type once per process, at the precision in force at the first use. A rule used at a
// different precision afterwards would silently integrate with stale nodes, so it refuses.
#pragma once

#include "twolayer/numeric/matrix.hpp"

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/special_functions/fpclassify.hpp>

#include <limits>
#include <stdexcept>
#include <string>

namespace twolayer {

template <class Real>
class quadrature_rules {
public:
  quadrature_rules() { require_fresh_nodes(); }

  /// ∫_a^b f, a < b finite, f analytic on [a, b].
  template <class F>
  Real finite(const F& f, const Real& a, const Real& b) const
  {
    using std::abs;
    using boost::math::isfinite;
    const Real whole = legendre::integrate(f, a, b);
    // A non-finite integrand would fail every acceptance test and refine 2^40 times.
    if (!isfinite(whole))
      throw std::domain_error("twolayer: the integrand is not finite on the interval");
    const Real middle = (a + b) / 2;
    const Real left = legendre::integrate(f, a, middle);
    const Real right = legendre::integrate(f, middle, b);
    // The accuracy asked of every sub-interval is relative to the whole integral, so
    // sub-intervals where f is negligible (a Gaussian tail) are not refined for nothing.
    const Real allowed = tolerance() * (abs(left) + abs(right));
    if (abs(Real(left + right - whole)) <= allowed)
      return left + right;
    return adaptive(f, a, middle, left, allowed, max_depth) +
           adaptive(f, middle, b, right, allowed, max_depth);
  }

  /// ∫_a^∞ f.
  template <class F>
  Real to_infinity(const F& f, const Real& a) const
  {
    return half_line_.integrate(f, a, std::numeric_limits<Real>::infinity(), tolerance());
  }

  /// R with e^{−R²/2} = ε²: the tail ∫_R^∞ r^k e^{−r²/2} dr ≈ R^{k−1} ε² is far below ε
  /// for every k the library's activations produce (k ≤ 5).
  static Real gaussian_radius()
  {
    using std::log;
    using std::sqrt;
    return 2 * sqrt(Real(-log(Eigen::NumTraits<Real>::epsilon())));
  }

  /// Relative difference between the whole-interval and the two-halves values at which an
  /// interval is accepted. The difference measures the whole-interval error; the halves
  /// returned are more accurate by about 2^{−60} (30-point rule, analytic integrand), so a
  /// tolerance of ε^{3/4}, and at most 10¹² ε, leaves them accurate to about ε.
  static Real tolerance()
  {
    using std::pow;
    const Real epsilon = Eigen::NumTraits<Real>::epsilon();
    const Real three_quarters = pow(epsilon, Real(3) / 4);
    const Real scaled = epsilon * Real(1000000) * Real(1000000);
    return three_quarters < scaled ? three_quarters : scaled;
  }

private:
  using legendre = boost::math::quadrature::gauss<Real, 30>;
  static constexpr unsigned max_depth = 40;

  template <class F>
  static Real adaptive(const F& f, const Real& a, const Real& b, const Real& whole,
                       const Real& allowed, unsigned depth)
  {
    using std::abs;
    const Real middle = (a + b) / 2;
    const Real left = legendre::integrate(f, a, middle);
    const Real right = legendre::integrate(f, middle, b);
    const Real halves = left + right;
    if (depth == 0 || abs(Real(halves - whole)) <= allowed)
      return halves;
    return adaptive(f, a, middle, left, allowed, depth - 1) +
           adaptive(f, middle, b, right, allowed, depth - 1);
  }

  static void require_fresh_nodes()
  {
    if constexpr (has_runtime_precision_v<Real>) {
      const unsigned tabulated = legendre::abscissa().front().precision();
      const unsigned current = Real(0).precision();
      if (tabulated != current)
        throw std::logic_error("twolayer: Gauss-Legendre nodes were tabulated at " +
                               std::to_string(tabulated) + " digits, now " +
                               std::to_string(current) +
                               " are in force; use one run-time precision per process");
    }
  }

  // mutable: Boost 1.74 declares integrate() const but defines it non-const, so it can
  // only be called on a non-const rule. The rule only extends its node tables lazily.
  mutable boost::math::quadrature::exp_sinh<Real> half_line_;
};

}  // namespace twolayer
