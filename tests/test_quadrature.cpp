// The generic quadrature route against every closed form (docs/mathematics.md §4): at least 45
// digits at 50-digit precision, at ρ ∈ {−1, −0.999999, −0.5, 0, 0.3, 0.9999999, 1},
// unequal norms.
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/quadrature_kernel.hpp"
#include "twolayer/numeric/agreement.hpp"

#include <boost/math/special_functions/erf.hpp>
#include "shared_rules.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_quadrature {

using namespace twolayer;
namespace act = twolayer::activation;
using R = mpfr50;

namespace {

const quadrature_rules<R>& rules() { return testing::shared_rules<R>(); }

std::vector<R> test_cosines()
{
  return {R(-1), R(-999999) / 1000000, R(-1) / 2, R(0), R(3) / 10, R(9999999) / 10000000, R(1)};
}

template <class Activation>
void check_against_closed_form(const Activation& sigma, const std::vector<R>& cosines)
{
  const R norm_u = R(5) / 4;
  const R norm_v = R(3) / 4;
  for (const R& rho : cosines) {
    const auto a = angle<R>::from_cosine(rho);
    const R exact = closed_form_kernel(sigma, norm_u, norm_v, a);
    const R numeric = quadrature_kernel(sigma, norm_u, norm_v, a, rules());
    INFO(Activation::name() << " at rho = " << rho << ": closed form " << exact << ", quadrature "
                            << numeric);
    CHECK(agreeing_digits(numeric, exact) >= 45);
  }
}

/// 1{z > b} for a b ≠ 0: its kink crosses the radial integral, not the angular one.
struct shifted_step {
  R threshold;
  static std::string name() { return "shifted_step"; }
  template <class Real>
  std::vector<Real> kinks() const { return {Real(threshold)}; }
  template <class Real>
  Real operator()(const Real& z) const { return z > threshold ? Real(1) : Real(0); }
};

}  // namespace

TEST_CASE("quadrature = closed form: relu", "[quadrature]")
{
  check_against_closed_form(act::relu{}, test_cosines());
}
TEST_CASE("quadrature = closed form: step", "[quadrature]")
{
  check_against_closed_form(act::step{}, test_cosines());
}
TEST_CASE("quadrature = closed form: abs", "[quadrature]")
{
  check_against_closed_form(act::absolute{}, test_cosines());
}
TEST_CASE("quadrature = closed form: leaky relu", "[quadrature]")
{
  check_against_closed_form(act::leaky_relu<R>{R(1) / 10}, test_cosines());
  check_against_closed_form(act::leaky_relu<R>{R(-3) / 10}, test_cosines());
}
TEST_CASE("quadrature = closed form: linear", "[quadrature]")
{
  check_against_closed_form(act::linear{}, test_cosines());
}
TEST_CASE("quadrature = closed form: quadratic", "[quadrature]")
{
  check_against_closed_form(act::quadratic{}, test_cosines());
}
// erf costs ~25 s a point at 50 digits (MPFR's erf is slow near |z| ≈ 5-10): two cases,
// so that ctest can run them side by side.
TEST_CASE("quadrature = closed form: erf, rho <= 0", "[quadrature][slow]")
{
  auto cosines = test_cosines();
  check_against_closed_form(act::erf{}, {cosines.begin(), cosines.begin() + 4});
}
TEST_CASE("quadrature = closed form: erf, rho > 0", "[quadrature][slow]")
{
  auto cosines = test_cosines();
  check_against_closed_form(act::erf{}, {cosines.begin() + 4, cosines.end()});
}

TEST_CASE("a kink away from 0 is split in the radial integral", "[quadrature]")
{
  // P(a z > b, c z > b) for the same direction, and the product of two tails for
  // orthogonal directions: erfc closed forms.
  const R b = R(1) / 2;
  const R norm_u = R(5) / 4, norm_v = R(3) / 4;
  const shifted_step sigma{b};
  const R root_two = boost::math::constants::root_two<R>();
  auto tail = [&](const R& norm) { return R(boost::math::erfc(R(b / (norm * root_two))) / 2); };
  const R same = quadrature_kernel(sigma, norm_u, norm_v, angle<R>::from_cosine(R(1)), rules());
  CHECK(agreeing_digits(same, tail(norm_v)) >= 45);
  const R orthogonal =
      quadrature_kernel(sigma, norm_u, norm_v, angle<R>::from_cosine(R(0)), rules());
  CHECK(agreeing_digits(orthogonal, R(tail(norm_u) * tail(norm_v))) >= 45);
}

TEST_CASE("quadrature in double agrees with the closed form to double precision", "[quadrature]")
{
  const quadrature_rules<double> double_rules;
  for (double rho : {-1.0, -0.5, 0.0, 0.3, 1.0}) {
    const auto a = angle<double>::from_cosine(rho);
    CHECK(agreeing_digits(quadrature_kernel(act::relu{}, 1.25, 0.75, a, double_rules),
                          closed_form_kernel(act::relu{}, 1.25, 0.75, a)) >= 13);
  }
}

TEST_CASE("a non-finite integrand is refused at once, not refined 2^40 times", "[quadrature]")
{
  const quadrature_rules<double> double_rules;
  CHECK_THROWS_AS(double_rules.finite([](double) { return std::nan(""); }, 0.0, 1.0), std::domain_error);
  CHECK_THROWS_AS(double_rules.finite([](double x) { return 1 / (x - x); }, 0.0, 1.0), std::domain_error);
}

}  // namespace unit_quadrature
