// Forward-mode dual numbers x + x' ε (ε² = 0) over any scalar, nestable (dual<dual<T>>
// carries second derivatives): the second, independent route to derivatives (docs/mathematics.md §3:
// "analytic derivative vs finite differences vs dual numbers"). Library code templated on
// Real runs on them unchanged: the functions below are found by argument-dependent lookup
// (`using std::sqrt; sqrt(x)`), comparisons look at values only, and π comes from
// twolayer::pi<Real>() (numeric/constants.hpp).
#pragma once

#include "twolayer/numeric/matrix.hpp"

#include <cmath>
#include <ostream>
#include <type_traits>

namespace twolayer {

template <class T>
struct dual {
  T value{};
  T derivative{};

  dual() = default;
  template <class U, class = std::enable_if_t<std::is_constructible_v<T, const U&>>>
  dual(const U& v) : value(v), derivative(0) {}  // NOLINT: scalars promote implicitly
  dual(const T& v, const T& d) : value(v), derivative(d) {}

  dual& operator+=(const dual& o) { value += o.value; derivative += o.derivative; return *this; }
  dual& operator-=(const dual& o) { value -= o.value; derivative -= o.derivative; return *this; }
  dual& operator*=(const dual& o)
  {
    derivative = derivative * o.value + value * o.derivative;
    value *= o.value;
    return *this;
  }
  dual& operator/=(const dual& o)
  {
    derivative = (derivative * o.value - value * o.derivative) / (o.value * o.value);
    value /= o.value;
    return *this;
  }
};

template <class T> struct is_dual : std::false_type {};
template <class T> struct is_dual<dual<T>> : std::true_type {};

template <class T> dual<T> operator-(const dual<T>& a) { return {T(-a.value), T(-a.derivative)}; }
template <class T> dual<T> operator+(dual<T> a, const dual<T>& b) { return a += b; }
template <class T> dual<T> operator-(dual<T> a, const dual<T>& b) { return a -= b; }
template <class T> dual<T> operator*(dual<T> a, const dual<T>& b) { return a *= b; }
template <class T> dual<T> operator/(dual<T> a, const dual<T>& b) { return a /= b; }

// Mixed arithmetic with anything a dual can be made from (int, T, ...).
#define TWOLAYER_DUAL_MIXED(op)                                                              \
  template <class T, class U, class = std::enable_if_t<!is_dual<U>::value &&                \
                                                       std::is_constructible_v<T, const U&>>> \
  dual<T> operator op(const dual<T>& a, const U& b) { return a op dual<T>(b); }              \
  template <class T, class U, class = std::enable_if_t<!is_dual<U>::value &&                \
                                                       std::is_constructible_v<T, const U&>>> \
  dual<T> operator op(const U& a, const dual<T>& b) { return dual<T>(a) op b; }
TWOLAYER_DUAL_MIXED(+)
TWOLAYER_DUAL_MIXED(-)
TWOLAYER_DUAL_MIXED(*)
TWOLAYER_DUAL_MIXED(/)
#undef TWOLAYER_DUAL_MIXED

#define TWOLAYER_DUAL_COMPARE(op)                                                            \
  template <class T> bool operator op(const dual<T>& a, const dual<T>& b) { return a.value op b.value; } \
  template <class T, class U, class = std::enable_if_t<!is_dual<U>::value &&               \
                                                       std::is_constructible_v<T, const U&>>> \
  bool operator op(const dual<T>& a, const U& b) { return a.value op T(b); }                \
  template <class T, class U, class = std::enable_if_t<!is_dual<U>::value &&               \
                                                       std::is_constructible_v<T, const U&>>> \
  bool operator op(const U& a, const dual<T>& b) { return T(a) op b.value; }
TWOLAYER_DUAL_COMPARE(<)
TWOLAYER_DUAL_COMPARE(<=)
TWOLAYER_DUAL_COMPARE(>)
TWOLAYER_DUAL_COMPARE(>=)
TWOLAYER_DUAL_COMPARE(==)
TWOLAYER_DUAL_COMPARE(!=)
#undef TWOLAYER_DUAL_COMPARE

// Elementary functions: f(x + x'ε) = f(x) + f'(x) x' ε.
template <class T> dual<T> sqrt(const dual<T>& a)
{
  using std::sqrt;
  const T root = sqrt(a.value);
  return {root, T(a.derivative / (2 * root))};
}
template <class T> dual<T> abs(const dual<T>& a) { return a.value < 0 ? -a : a; }
template <class T> dual<T> sin(const dual<T>& a)
{
  using std::cos;
  using std::sin;
  return {T(sin(a.value)), T(cos(a.value) * a.derivative)};
}
template <class T> dual<T> cos(const dual<T>& a)
{
  using std::cos;
  using std::sin;
  return {T(cos(a.value)), T(-sin(a.value) * a.derivative)};
}
template <class T> dual<T> exp(const dual<T>& a)
{
  using std::exp;
  const T e = exp(a.value);
  return {e, T(e * a.derivative)};
}
template <class T> dual<T> log(const dual<T>& a)
{
  using std::log;
  return {T(log(a.value)), T(a.derivative / a.value)};
}
template <class T> dual<T> acos(const dual<T>& a)
{
  using std::acos;
  using std::sqrt;
  return {T(acos(a.value)), T(-a.derivative / sqrt(T((1 - a.value) * (1 + a.value))))};
}
template <class T> dual<T> asin(const dual<T>& a)
{
  using std::asin;
  using std::sqrt;
  return {T(asin(a.value)), T(a.derivative / sqrt(T((1 - a.value) * (1 + a.value))))};
}
template <class T> dual<T> atan2(const dual<T>& y, const dual<T>& x)
{
  using std::atan2;
  return {T(atan2(y.value, x.value)),
          T((x.value * y.derivative - y.value * x.derivative) / (x.value * x.value + y.value * y.value))};
}
template <class T> bool isfinite(const dual<T>& a)
{
  using std::isfinite;
  return isfinite(a.value) && isfinite(a.derivative);
}
template <class T> bool isnan(const dual<T>& a)
{
  using std::isnan;
  return isnan(a.value) || isnan(a.derivative);
}
template <class T> bool isinf(const dual<T>& a)
{
  using std::isinf;
  return isinf(a.value) || isinf(a.derivative);
}

template <class T> std::ostream& operator<<(std::ostream& out, const dual<T>& a)
{
  return out << a.value << " + " << a.derivative << "ε";
}

}  // namespace twolayer

namespace Eigen {

template <class T>
struct NumTraits<twolayer::dual<T>> : NumTraits<T> {
  using Real = twolayer::dual<T>;
  using NonInteger = twolayer::dual<T>;
  using Literal = twolayer::dual<T>;
  using Nested = twolayer::dual<T>;
  enum {
    IsComplex = 0,
    IsInteger = 0,
    IsSigned = 1,
    RequireInitialization = 1,
    ReadCost = HugeCost,
    AddCost = HugeCost,
    MulCost = HugeCost
  };
  static Real epsilon() { return Real(NumTraits<T>::epsilon()); }
  static Real dummy_precision() { return Real(NumTraits<T>::dummy_precision()); }
  static Real highest() { return Real(NumTraits<T>::highest()); }
  static Real lowest() { return Real(NumTraits<T>::lowest()); }
  static Real infinity() { return Real(NumTraits<T>::infinity()); }
  static Real quiet_NaN() { return Real(NumTraits<T>::quiet_NaN()); }
};

}  // namespace Eigen
