// Agreement of independent routes to one number (docs/numerics.md §12): a route's value,
// with what the route claims about its own error, judged against a reference by one policy.
//
// The claims a route can make, and how each is judged:
//  - rounding: the value is exact up to the rounding of its working precision, less a stated
//    number of digits lost in its own arithmetic (closed forms and recurrences a few;
//    quadrature, linear solves and eigenvalues a few more). It passes when it agrees with the
//    reference to at least min(its precision, the reference's digits) − lost − cancellation
//    digits, where cancellation is the digits a difference of nearly equal numbers costs any
//    route (log₁₀ 1/|r| for r = 1 − (a number near 1)). Against a reference that is zero to its
//    own digits the digits are absolute and one more digit is allowed for the lost sign.
//  - truncation bound: |value − reference| ≤ bound + rounding slack (a series cut off with a
//    proven remainder bound).
//  - standard error: |value − reference| ≤ k standard errors + an absolute floor (Monte Carlo).
//  - enclosure: lower − slack ≤ reference ≤ upper + slack (an MPFI interval; the slack is the
//    reference's own error, since the reference carries rounding and the interval does not).
// Digits known are never a value compared with itself: they come from this comparison.
#pragma once

#include "twolayer/numeric/agreement.hpp"
#include "twolayer/numeric/scalar.hpp"

#include <algorithm>
#include <cmath>

namespace twolayer {

/// What a route says about its own error.
enum class route_claim { rounding, truncation_bound, standard_error, enclosure };

/// One route's value of one quantity. For an enclosure, `value` is not used: the end points are.
template <class Real>
struct route_value {
  route_claim claim = route_claim::rounding;
  int precision = 0;      // decimal digits the route computed with
  Real value = 0;
  Real uncertainty = 0;   // the truncation bound, or the standard error
  Real lower = 0, upper = 0;  // an enclosure's end points
  int digits_lost = 0;    // rounding: digits the route may lose in its own arithmetic
  int cancellation = 0;   // rounding: digits any route loses to cancellation in this quantity
};

/// The reference a route is judged against: a value and the significant digits it is known to.
template <class Real>
struct route_reference {
  Real value = 0;
  int digits = 0;
};

/// The policy's constants for the claims that are not rounding.
struct agreement_policy {
  /// The reference is trusted to its digits less this many: its error is taken as
  /// 10^−(digits − spare) (1 + |reference|), which is also the slack of an enclosure test and
  /// the level below which the reference counts as zero (digits become absolute).
  int reference_digits_spare = 3;
  /// Monte Carlo passes within this many standard errors (plus `absolute_floor`).
  double standard_errors = 4;
  double absolute_floor = 1e-15;
};

/// The judgement of one route: digits it agrees to, digits it was required to agree to
/// (rounding only; −1 otherwise), and the verdict.
struct route_verdict {
  int agreeing_digits = 0;
  int expected_digits = -1;
  bool absolute = false;  // digits counted after the decimal point: the reference is zero
  bool pass = false;
};

/// The error the policy attributes to a reference known to `digits` significant digits.
template <class Real>
Real reference_error(const route_reference<Real>& reference, const agreement_policy& policy)
{
  using std::abs;
  using std::pow;
  return pow(Real(10), -(reference.digits - policy.reference_digits_spare)) * (1 + abs(reference.value));
}

/// True when the reference is zero to its own digits (then digits are absolute).
template <class Real>
bool reference_is_zero(const route_reference<Real>& reference, const agreement_policy& policy)
{
  using std::abs;
  return abs(reference.value) <= reference_error(reference, policy);
}

/// Digits to which `value` agrees with the reference, capped by `precision`: significant
/// digits, or absolute digits when the reference is zero to its digits.
template <class Real>
int digits_of_agreement(const Real& value, const route_reference<Real>& reference, int precision,
                        const agreement_policy& policy)
{
  using std::abs;
  using std::log10;
  if (!reference_is_zero(reference, policy))
    return agreeing_digits(value, reference.value);
  const Real error = abs(value);
  if (error <= reference_error(reference, policy))
    return precision;
  return std::min(precision, static_cast<int>(std::floor(static_cast<double>(-log10(error)))));
}

/// The judgement of `route` against `reference` (see the top of this header).
template <class Real>
route_verdict judge_route(const route_value<Real>& route, const route_reference<Real>& reference,
                          const agreement_policy& policy = {})
{
  using std::abs;
  route_verdict verdict;
  verdict.absolute = reference_is_zero(reference, policy);
  const Real slack = reference_error(reference, policy);
  switch (route.claim) {
    case route_claim::rounding: {
      verdict.agreeing_digits = digits_of_agreement(route.value, reference, route.precision, policy);
      const int carried = std::min(route.precision, reference.digits) - route.digits_lost;
      verdict.expected_digits = verdict.absolute ? carried - 1 : carried - route.cancellation;
      verdict.pass = verdict.agreeing_digits >= verdict.expected_digits;
      break;
    }
    case route_claim::truncation_bound:
      verdict.agreeing_digits = digits_of_agreement(route.value, reference, route.precision, policy);
      verdict.pass = abs(Real(route.value - reference.value)) <= route.uncertainty + slack;
      break;
    case route_claim::standard_error:
      verdict.agreeing_digits = digits_of_agreement(route.value, reference, route.precision, policy);
      verdict.pass = abs(Real(route.value - reference.value)) <=
                     Real(policy.standard_errors) * route.uncertainty + Real(policy.absolute_floor);
      break;
    case route_claim::enclosure:
      verdict.agreeing_digits =
          digits_of_agreement(Real((route.lower + route.upper) / 2), reference, route.precision, policy);
      verdict.pass = route.lower - slack <= reference.value && reference.value <= route.upper + slack;
      break;
  }
  return verdict;
}

}  // namespace twolayer
