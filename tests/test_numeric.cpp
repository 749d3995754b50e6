// Scalar types and precision: digits carried, agreement counting, and the proof that no
// double leaks into a multiprecision path (two independent 100-digit routes agree to
// ≥ 95 digits: a double literal, std:: function or constant anywhere in either route
// would cap the agreement near 16).
#include "twolayer/gaussian/hermite_series.hpp"
#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/numeric/agreement.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_numeric {

using namespace twolayer;

TEST_CASE("each scalar type carries the digits it names", "[numeric]")
{
  CHECK(decimal_digits<double>() == 15);
  CHECK(decimal_digits<mpfr50>() >= 50);
  CHECK(decimal_digits<mpfr100>() >= 100);
  CHECK(decimal_digits<bin50>() >= 50);
  CHECK(decimal_digits<bin100>() >= 100);
  {
    scoped_precision precision(75);
    CHECK(decimal_digits<mpfr_dynamic>() >= 75);
    CHECK(decimal_digits<mpfr_dynamic>() < 80);
  }
  CHECK(is_interval_v<interval50>);
  CHECK_FALSE(is_interval_v<mpfr50>);
}

TEST_CASE("scoped_precision restores the previous run-time precision", "[numeric]")
{
  const unsigned before = mpfr_dynamic::default_precision();
  {
    scoped_precision precision(123);
    CHECK(mpfr_dynamic::default_precision() == 123);
    CHECK(interval_dynamic::default_precision() == 123);
  }
  CHECK(mpfr_dynamic::default_precision() == before);
}

TEST_CASE("agreeing_digits counts shared significant digits", "[numeric]")
{
  CHECK(agreeing_digits(mpfr50(1), mpfr50(1)) == decimal_digits<mpfr50>());
  CHECK(agreeing_digits(mpfr50("1.000000001"), mpfr50(1)) == 9);
  CHECK(agreeing_digits(mpfr50("2.0"), mpfr50("1.0")) == 0);
  CHECK(agreeing_digits(mpfr50("1e-12"), mpfr50(0)) == 12);  // absolute when reference is 0
  CHECK(agreeing_digits(1.0 + 1e-9, 1.0) == 8);
  CHECK(agreeing_digits(0.5, 0.5) == 15);
}

template <class Real>
void check_100_digit_routes()
{
  // c_d by the Gamma-function closed form against the exact rational recurrence.
  for (unsigned d : {2u, 3u, 7u, 16u, 33u, 64u})
    CHECK(agreeing_digits(sphere_relu_mean<Real>(d), sphere_relu_mean_by_recurrence<Real>(d)) >= 95);
  // k(ρ) by arccos against its Hermite series with exact rational coefficients.
  for (const Real& rho : {Real(3) / 10, Real(-7) / 10, Real(1) / 3})
    CHECK(agreeing_digits(arc_cosine_kernel_series(rho).value, arc_cosine_kernel(rho)) >= 95);
}

TEST_CASE("no double leaks: independent 100-digit routes agree to >= 95 digits", "[numeric]")
{
  SECTION("mpfr100") { check_100_digit_routes<mpfr100>(); }
  SECTION("bin100") { check_100_digit_routes<bin100>(); }
  SECTION("mpfr at run-time precision 100")
  {
    scoped_precision precision(100);
    check_100_digit_routes<mpfr_dynamic>();
  }
}

TEST_CASE("a double leak is caught by the same comparison", "[numeric]")
{
  // The comparison above can fail: c_2 = 1/π formed from a double constant agrees with
  // the exact route to about 16 digits only.
  const mpfr100 leaked = mpfr100(1 / 3.14159265358979323846);
  CHECK(agreeing_digits(leaked, sphere_relu_mean_by_recurrence<mpfr100>(2)) < 20);
}

}  // namespace unit_numeric
