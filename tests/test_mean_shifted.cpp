// The mean-shifted relu target (gaussian/mean_shifted_relu.hpp, docs/mathematics.md §2.1): the
// zonal harmonics it is built from, T(c) by the series against the x-side integral (50 digits) and
// against Monte Carlo over the weights (double, 4 standard errors), E[F²] by its two routes and
// Monte Carlo, T' by dual numbers against finite differences, and the isotropic limit R → 0.
#include "twolayer/gaussian/mean_shifted_relu.hpp"
#include "twolayer/gaussian/monte_carlo_mean_shifted.hpp"
#include "twolayer/gaussian/radial_moments.hpp"
#include "twolayer/gaussian/relu_target_moments.hpp"
#include "twolayer/numeric/agreement.hpp"

#include <boost/math/special_functions/legendre.hpp>

#include "shared_rules.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <utility>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_mean_shifted {

using namespace twolayer;
using R = mpfr50;

namespace {
const quadrature_rules<R>& rules() { return testing::shared_rules<R>(); }
/// One target per (d, R) at 50 digits, built once for the whole file.
const mean_shifted_relu_target<R>& target(unsigned d, double ratio)
{
  static std::map<std::pair<unsigned, double>, mean_shifted_relu_target<R>> cache;
  auto found = cache.find({d, ratio});
  if (found == cache.end())
    found = cache.emplace(std::make_pair(d, ratio), mean_shifted_relu_target<R>(d, R(ratio), R(1), R(1), rules())).first;
  return found->second;
}
}  // namespace

TEST_CASE("the Legendre polynomials of dimension d: Chebyshev for d = 2, Legendre for d = 3, orthogonal with weight 1/N", "[mean_shifted]")
{
  for (double t : {-1.0, -0.7, 0.0, 0.3, 0.99, 1.0}) {
    const auto chebyshev = sphere_legendre(2, 12, t);
    const auto legendre = sphere_legendre(3, 12, t);
    for (unsigned n = 0; n <= 12; ++n) {
      CHECK(chebyshev[n] == Approx(std::cos(n * std::acos(t))).margin(1e-13));
      CHECK(legendre[n] == Approx(boost::math::legendre_p(static_cast<int>(n), t)).margin(1e-13));
    }
  }
  for (unsigned d : {2u, 3u, 5u, 8u}) {
    CHECK(harmonic_dimension<R>(d, 0) == 1);
    CHECK(harmonic_dimension<R>(d, 1) == d);
    // N(d, 2) = (d + 2)(d − 1)/2: the traceless symmetric matrices
    CHECK(harmonic_dimension<R>(d, 2) == R((d + 2) * (d - 1)) / 2);
    // E_t[P_n P_m] = δ_nm / N(d, n), by the sphere's marginal quadrature (a second rule)
    for (unsigned n : {2u, 5u})
      for (unsigned m : {2u, 4u, 5u}) {
        const R product = sphere_marginal_mean<R>(
            d, [&](const R& t) { return R(sphere_legendre(d, 5, t)[n] * sphere_legendre(d, 5, t)[m]); }, rules());
        const R expected = n == m ? R(1 / harmonic_dimension<R>(d, n)) : R(0);
        CHECK(abs(R(product - expected)) < R(1e-45));
      }
  }
  CHECK(harmonic_dimension<R>(2, 7) == 2);
  CHECK(harmonic_dimension<R>(3, 7) == 15);
}

TEST_CASE("g(z) = E relu(z + Z): its odd part is z/2 and g(0) = 1/sqrt(2 pi)", "[mean_shifted]")
{
  for (double z : {0.1, 1.0, 3.0, 10.0}) {
    CHECK(agreeing_digits(R(shifted_relu_mean<R>(R(z)) - shifted_relu_mean<R>(R(-z))), R(z)) >= 48);
  }
  CHECK(agreeing_digits(shifted_relu_mean<R>(R(0)), R(1 / boost::math::constants::root_two_pi<R>())) >= 49);
}

TEST_CASE("T(c): the zonal series agrees with the x-side integral to 30 digits at 50-digit precision", "[mean_shifted]")
{
  const std::vector<std::pair<unsigned, double>> cases{{2, 0.1}, {2, 1.0}, {2, 3.0}, {3, 1.0}, {8, 0.3}};
  for (const auto& [d, ratio] : cases)
    for (const R& c : {R(-1), R(-3) / 10, R(0), R(7) / 10, R(1)}) {
      const R series = target(d, ratio).cross_term(c);
      const R x_side = mean_shifted_cross_term_on_sphere<R>(d, R(ratio), c, rules());
      INFO("d = " << d << ", R = " << ratio << ", c = " << c);
      CHECK(agreeing_digits(series, x_side) >= 30);
    }
}

TEST_CASE("T(c) - T(-c) = a |mu| c / 2 by the x-side integral, and the series keeps exactly that odd part", "[mean_shifted]")
{
  for (double ratio : {0.5, 2.0}) {
    const R c = R(2) / 5;
    const R odd = mean_shifted_cross_term_on_sphere<R>(3, R(ratio), c, rules()) -
                  mean_shifted_cross_term_on_sphere<R>(3, R(ratio), R(-c), rules());
    CHECK(agreeing_digits(odd, R(R(ratio) * c / 2)) >= 30);
    const auto& beta = target(3, ratio).series();
    CHECK(agreeing_digits(beta[1], R(R(ratio) / 4)) >= 40);  // β₁ = ā‖μ‖/4
    for (std::size_t n = 3; n < beta.size(); n += 2)
      CHECK(beta[n] == 0);
  }
}

TEST_CASE("as R -> 0, T(c) -> alpha d c_d^2 and E[F^2] -> alpha^2 d c_d^2 (the isotropic target)", "[mean_shifted]")
{
  for (unsigned d : {2u, 3u, 8u}) {
    const R alpha = gaussian_norm_mean<R>(d);  // ā = τ = 1
    const R cross = relu_target_cross_moment<R>(alpha, d, R(1));
    const R second = relu_target_second_moment<R>(alpha, d);
    const mean_shifted_relu_target<R> isotropic(d, R(0), R(1), R(1), rules());
    CHECK(agreeing_digits(isotropic.cross_term(R(3) / 10), cross) >= 45);
    CHECK(agreeing_digits(isotropic.second_moment(), second) >= 45);
    // R = 10⁻²⁰: T moves by O(R) (its odd part R c / 2), so about 20 digits agree
    const mean_shifted_relu_target<R> near(d, R("1e-20"), R(1), R(1), rules());
    const int digits = agreeing_digits(near.cross_term(R(3) / 10), cross);
    CHECK(digits >= 18);
    CHECK(digits <= 22);
    CHECK(agreeing_digits(near.cross_term(R(0)), cross) >= 35);  // the odd part vanishes at c = 0
  }
}

TEST_CASE("E[F^2]: the one-dimensional integral and Parseval agree to 40 digits", "[mean_shifted]")
{
  for (const auto& [d, ratio] : std::vector<std::pair<unsigned, double>>{{2, 1.0}, {3, 3.0}, {8, 0.3}}) {
    INFO("d = " << d << ", R = " << ratio);
    CHECK(agreeing_digits(target(d, ratio).second_moment(), target(d, ratio).second_moment_by_series()) >= 40);
  }
}

TEST_CASE("T and E[F^2] against Monte Carlo over the weights, within 4 standard errors", "[mean_shifted]")
{
  std::uint64_t seed = 20261207;
  for (unsigned d : {2u, 3u, 8u})
    for (double ratio : {0.3, 1.0, 3.0}) {
      const mean_shifted_relu_target<double> T(d, ratio);
      for (double c : {-1.0, -0.4, 0.2, 1.0}) {
        const auto estimate = monte_carlo_mean_shifted_cross_term(d, ratio, c, 200000, ++seed);
        INFO("d = " << d << ", R = " << ratio << ", c = " << c);
        CHECK(std::abs(T.cross_term(c) - estimate.mean) < 4 * estimate.standard_error);
      }
      const auto second = monte_carlo_mean_shifted_second_moment(d, ratio, 200000, ++seed);
      CHECK(std::abs(T.second_moment() - second.mean) < 4 * second.standard_error);
    }
}

TEST_CASE("Monte Carlo tells a wrong target apart: R off by 2 % is many standard errors away", "[mean_shifted]")
{
  const mean_shifted_relu_target<double> wrong(3, 1.02);
  const auto estimate = monte_carlo_mean_shifted_cross_term(3, 1.0, 0.5, 200000, 7);
  CHECK(std::abs(wrong.cross_term(0.5) - estimate.mean) > 8 * estimate.standard_error);
}

TEST_CASE("T' by dual numbers against central differences of the series and of the x-side integral", "[mean_shifted]")
{
  const auto& T = target(3, 1.0);
  const R h = R("1e-15");
  for (const R& c : {R(-9) / 10, R(0), R(1) / 2}) {
    const R slope = T.cross_term_slope(c);
    const R series_difference = (T.cross_term(R(c + h)) - T.cross_term(R(c - h))) / (2 * h);
    const R x_side_difference = (mean_shifted_cross_term_on_sphere<R>(3, R(1), R(c + h), rules()) -
                                 mean_shifted_cross_term_on_sphere<R>(3, R(1), R(c - h), rules())) /
                                (2 * h);
    CHECK(agreeing_digits(slope, series_difference) >= 28);
    CHECK(agreeing_digits(slope, x_side_difference) >= 28);
  }
  // at c = ±1 (u = ±μ̂) the series needs no special case; one-sided differences of order 2
  for (const R& c : {R(-1), R(1)}) {
    const R s = c > 0 ? R(-1) : R(1);  // step into [−1, 1]
    const R one_sided =
        s * (-3 * T.cross_term(c) + 4 * T.cross_term(R(c + s * h)) - T.cross_term(R(c + 2 * s * h))) / (2 * h);
    CHECK(agreeing_digits(T.cross_term_slope(c), one_sided) >= 26);
  }
}

TEST_CASE("the double target agrees with the 50-digit one to 13 digits of its largest value T(1), also at R = 10", "[mean_shifted]")
{
  // The error of the double series is absolute, about ε Σ|β_n|: relative to T(1) = max T, not to
  // T(−1), which for large R is four orders smaller (u against μ sees little of the target).
  for (const auto& [d, ratio] : std::vector<std::pair<unsigned, double>>{{2, 10.0}, {4, 3.0}, {8, 3.0}}) {
    const mean_shifted_relu_target<double> fast(d, ratio);
    const mean_shifted_relu_target<R> reference(d, R(ratio), R(1), R(1), rules());
    const double largest = static_cast<double>(reference.cross_term(R(1)));
    for (double c : {-1.0, -0.5, 0.1, 0.8, 1.0}) {
      INFO("d = " << d << ", R = " << ratio << ", c = " << c);
      CHECK(std::abs(fast.cross_term(c) - static_cast<double>(reference.cross_term(R(c)))) <= 1e-13 * largest);
    }
  }
}

TEST_CASE("a negative or infinite mean ratio and d < 2 are refused", "[mean_shifted]")
{
  CHECK_THROWS_AS(mean_shifted_relu_target<double>(3, -0.1), std::domain_error);
  CHECK_THROWS_AS(mean_shifted_relu_target<double>(3, std::numeric_limits<double>::infinity()), std::domain_error);
  CHECK_THROWS_AS(mean_shifted_relu_target<double>(1, 1.0), std::domain_error);
  // τ ≤ 0 or ā = 0 (a referee found τ < 0 running to the degree cap and ā = 0 giving NaN levels)
  CHECK_THROWS_AS(mean_shifted_relu_target<double>(3, 1.0, 1.0, -1.0), std::domain_error);
  CHECK_THROWS_AS(mean_shifted_relu_target<double>(3, 1.0, 1.0, 0.0), std::domain_error);
  CHECK_THROWS_AS(mean_shifted_relu_target<double>(3, 1.0, 0.0, 1.0), std::domain_error);
  // the x-side route: a cosine past 1 by one ulp is clamped; past it by more, or NaN, is refused
  const quadrature_rules<double> double_rules;
  const double just_above = std::nextafter(1.0, 2.0);
  CHECK(mean_shifted_cross_term_on_sphere<double>(3, 1.0, just_above, double_rules) ==
        mean_shifted_cross_term_on_sphere<double>(3, 1.0, 1.0, double_rules));
  CHECK_THROWS_AS(mean_shifted_cross_term_on_sphere<double>(3, 1.0, 1.01, double_rules), std::domain_error);
  CHECK_THROWS_AS(mean_shifted_cross_term_on_sphere<double>(3, 1.0, std::nan(""), double_rules), std::domain_error);
}

}  // namespace unit_mean_shifted
