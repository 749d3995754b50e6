// The Hermite-series route for ReLU (docs/mathematics.md §4): exact coefficients, geometric
// convergence for |ρ| < 1 and a proven truncation bound everywhere.
#include "twolayer/gaussian/hermite_series.hpp"
#include "twolayer/gaussian/quadrature_rules.hpp"
#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/numeric/agreement.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_hermite_series {

using namespace twolayer;
using R = mpfr50;
namespace constants = boost::math::constants;

TEST_CASE("Hermite coefficients of relu equal E[relu(z) He_k(z)] by quadrature", "[series]")
{
  const quadrature_rules<R> rules;
  for (unsigned k = 0; k <= 12; ++k) {
    // He_k by its recurrence He_{k+1} = z He_k − k He_{k−1}.
    auto integrand = [k](const R& z) {
      R previous = 1, current = z;
      if (k == 0)
        current = 1;
      for (unsigned j = 1; j < k; ++j) {
        const R next = z * current - j * previous;
        previous = current;
        current = next;
      }
      return R(z * current * exp(R(-z * z / 2)) * constants::one_div_root_two_pi<R>());
    };
    const R by_quadrature = rules.finite(integrand, R(0), quadrature_rules<R>::gaussian_radius());
    INFO("k = " << k);
    if (k % 2 == 1 && k > 1)
      CHECK(abs(by_quadrature) < pow(R(10), -45));
    else
      CHECK(agreeing_digits(relu_hermite_coefficient<R>(k), by_quadrature) >= 45);
  }
}

TEST_CASE("exact q_m equal 2 pi c_{2m+2}^2 / (2m+2)!", "[series]")
{
  CHECK(arc_cosine_series_coefficient(0) == boost::multiprecision::cpp_rational(1, 2));
  CHECK(arc_cosine_series_coefficient(1) == boost::multiprecision::cpp_rational(1, 24));
  for (unsigned m = 0; m <= 20; ++m) {
    const R c = relu_hermite_coefficient<R>(2 * m + 2);
    R factorial = 1;
    for (unsigned j = 2; j <= 2 * m + 2; ++j)
      factorial *= j;
    const R q = constants::two_pi<R>() * c * c / factorial;
    CHECK(agreeing_digits(R(arc_cosine_series_coefficient(m)), q) >= 48);
  }
}

TEST_CASE("series = closed form to 45 digits for |rho| <= 0.9", "[series]")
{
  for (int tenths = -9; tenths <= 9; ++tenths) {
    const R rho = R(tenths) / 10;
    const auto series = arc_cosine_kernel_series(rho);
    INFO("rho = " << rho << ", terms " << series.terms);
    CHECK(agreeing_digits(series.value, arc_cosine_kernel(rho)) >= 45);
    CHECK(series.truncation_bound < pow(R(10), -49));
  }
}

TEST_CASE("near |rho| = 1 the series is within its own truncation bound", "[series]")
{
  for (const R& rho : {R(-1), R(-9999999) / 10000000, R(-999999) / 1000000, R(999999) / 1000000,
                      R(9999999) / 10000000, R(1)}) {
    const auto series = arc_cosine_kernel_series(rho, 200000);
    const R error = abs(R(series.value - arc_cosine_kernel(rho)));
    INFO("rho = " << rho << ": error " << error << ", bound " << series.truncation_bound);
    CHECK(error <= series.truncation_bound);
    // the bound is proven, not decorative: within a factor 100 of the error at |ρ| = 1
    if (abs(rho) == 1)
      CHECK(error >= series.truncation_bound / 100);
    CHECK(series.truncation_bound < pow(R(10), -8));
  }
}

}  // namespace unit_hermite_series
