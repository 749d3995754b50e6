// Eigen 3.4 NumTraits for Boost.Multiprecision numbers.
//
// Boost 1.74's <boost/multiprecision/eigen.hpp> lacks infinity() and quiet_NaN() (needed
// by Eigen 3.4's numext::hypot inside SelfAdjointEigenSolver) and has a wrong lowest();
// this specialisation replaces it, so never include both (docs/numerics.md). Every quantity
// is taken from the run-time precision of the type, so mpfr_dynamic works at any
// `--digits`. Our number types use et_off, so no ScalarBinaryOpTraits for expression
// templates are needed.
#pragma once

#include <cmath>

#include "twolayer/numeric/scalar.hpp"

#include <Eigen/Core>

#include <limits>

namespace Eigen {

template <class Backend, boost::multiprecision::expression_template_option ET>
struct NumTraits<boost::multiprecision::number<Backend, ET>> {
  using Number = boost::multiprecision::number<Backend, ET>;
  using Real = Number;
  using NonInteger = Number;
  using Literal = Number;
  using Nested = Number;

  enum {
    IsComplex = 0,
    IsInteger = 0,
    IsSigned = 1,
    RequireInitialization = 1,
    // Multiprecision arithmetic costs far more than a flop; these steer Eigen away from
    // unrolling and towards fewer operations.
    ReadCost = HugeCost,
    AddCost = HugeCost,
    MulCost = HugeCost
  };

  static int digits() { return twolayer::binary_digits<Number>(); }
  static int digits10() { return twolayer::decimal_digits<Number>(); }
  static Number epsilon()
  {
    using std::ldexp;
    return ldexp(Number(1), 1 - digits());
  }
  // Eigen's default tolerance for "is approximately zero" decisions: 1000 ulps.
  static Number dummy_precision() { return epsilon() * 1000; }
  static Number highest() { return (std::numeric_limits<Number>::max)(); }
  static Number lowest() { return -highest(); }
  static Number infinity() { return std::numeric_limits<Number>::infinity(); }
  static Number quiet_NaN() { return std::numeric_limits<Number>::quiet_NaN(); }
  static int min_exponent() { return std::numeric_limits<Number>::min_exponent; }
  static int max_exponent() { return std::numeric_limits<Number>::max_exponent; }
};

}  // namespace Eigen
