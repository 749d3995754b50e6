// The scalar types twolayer supports, and how to ask one how many digits it carries.
//
// Every numerical routine of the library is a template over `Real`; these are the
// types it is instantiated with:
//   double            search and Monte Carlo (fast, ~16 digits)
//   mpfr50, mpfr100   verification at 50 / 100 significant digits (MPFR, stack storage)
//   bin50, bin100     the header-only alternative (cpp_bin_float), no MPFR needed
//   mpfr_dynamic      precision chosen at run time (`--digits N`): set it with
//                     scoped_precision before constructing any value or quadrature rule
//   interval50, interval_dynamic
//                     MPFI intervals, for certified enclosures; only rigorous primitives
//                     (+ - * / sqrt acos asin pi exp log) are guaranteed to enclose, and no
//                     comparison-driven algorithm may run on them (docs/numerics.md)
//
// Expression templates are switched off (et_off): `auto x = a*b` is then a number, and
// Eigen and std::max work unchanged, at about 10% of speed (docs/numerics.md).
#pragma once

#include <boost/math/tools/precision.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/mpfi.hpp>
#include <boost/multiprecision/mpfr.hpp>

#include <cmath>
#include <type_traits>

namespace twolayer {

namespace mp = boost::multiprecision;

using mpfr50 = mp::number<mp::mpfr_float_backend<50, mp::allocate_stack>, mp::et_off>;
using mpfr100 = mp::number<mp::mpfr_float_backend<100, mp::allocate_stack>, mp::et_off>;
using bin50 = mp::number<mp::cpp_bin_float<50>, mp::et_off>;
using bin100 = mp::number<mp::cpp_bin_float<100>, mp::et_off>;
using mpfr_dynamic = mp::number<mp::mpfr_float_backend<0>, mp::et_off>;
using interval50 = mp::number<mp::mpfi_float_backend<50>, mp::et_off>;
using interval_dynamic = mp::number<mp::mpfi_float_backend<0>, mp::et_off>;

/// True for the MPFI interval types (which must not run comparison-driven code).
template <class Real>
inline constexpr bool is_interval_v = false;
template <unsigned D, mp::expression_template_option ET>
inline constexpr bool is_interval_v<mp::number<mp::mpfi_float_backend<D>, ET>> = true;

/// True for the types whose precision is chosen at run time.
template <class Real>
inline constexpr bool has_runtime_precision_v = false;
template <mp::mpfr_allocation_type A, mp::expression_template_option ET>
inline constexpr bool has_runtime_precision_v<mp::number<mp::mpfr_float_backend<0, A>, ET>> = true;
template <mp::expression_template_option ET>
inline constexpr bool has_runtime_precision_v<mp::number<mp::mpfi_float_backend<0>, ET>> = true;

/// Binary digits carried by Real now (run-time precision included).
template <class Real>
int binary_digits()
{
  return boost::math::tools::digits<Real>();
}

/// Decimal digits carried by Real now: 15 for double, 50 for mpfr50, N for
/// mpfr_dynamic at `--digits N`. (numeric_limits<mpfr_dynamic>::digits10 is INT_MAX,
/// which is why this exists.)
template <class Real>
int decimal_digits()
{
  if constexpr (std::is_floating_point_v<Real>)
    return std::numeric_limits<Real>::digits10;
  else
    return static_cast<int>(std::floor((binary_digits<Real>() - 1) * 0.30102999566398119521));
}

/// Sets the process-wide default precision of the run-time MPFR/MPFI types for the
/// lifetime of the object, and restores the previous one. The setting is process-wide,
/// not per thread: hold one at the top of a computation, not inside parallel code.
class scoped_precision {
public:
  explicit scoped_precision(unsigned digits10)
      : previous_float_(mpfr_dynamic::default_precision()),
        previous_interval_(interval_dynamic::default_precision())
  {
    mpfr_dynamic::default_precision(digits10);
    interval_dynamic::default_precision(digits10);
  }
  ~scoped_precision()
  {
    mpfr_dynamic::default_precision(previous_float_);
    interval_dynamic::default_precision(previous_interval_);
  }
  scoped_precision(const scoped_precision&) = delete;
  scoped_precision& operator=(const scoped_precision&) = delete;

private:
  unsigned previous_float_;
  unsigned previous_interval_;
};

}  // namespace twolayer
