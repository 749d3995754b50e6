// How many significant decimal digits two values of the same quantity share.
#pragma once

#include "twolayer/numeric/scalar.hpp"

#include <algorithm>

namespace twolayer {

/// Digits to which `value` agrees with `reference`: floor(-log10(|value-reference| /
/// |reference|)), clamped to [0, decimal_digits<Real>()]. When the reference is zero the
/// difference is taken as absolute (digits after the decimal point). Identical values
/// agree to every digit the type carries.
template <class Real>
int agreeing_digits(const Real& value, const Real& reference)
{
  using std::abs;
  using std::floor;
  using std::log10;
  const int carried = decimal_digits<Real>();
  const Real difference = abs(value - reference);
  if (difference == 0)
    return carried;
  const Real scale = reference == 0 ? Real(1) : abs(reference);
  const Real digits = floor(-log10(difference / scale));
  if (digits <= 0)
    return 0;
  if (digits >= carried)
    return carried;
  return digits.template convert_to<int>();
}

inline int agreeing_digits(double value, double reference)
{
  const double difference = std::abs(value - reference);
  const int carried = decimal_digits<double>();
  if (difference == 0)
    return carried;
  const double scale = reference == 0 ? 1.0 : std::abs(reference);
  const double digits = std::floor(-std::log10(difference / scale));
  return static_cast<int>(std::clamp(digits, 0.0, static_cast<double>(carried)));
}

}  // namespace twolayer
