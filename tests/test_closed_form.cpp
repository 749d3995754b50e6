// Closed-form kernels (docs/mathematics.md §4): special values, identities between activations,
// and numerical stability near ρ = ±1.
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/numeric/agreement.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_closed_form {

using namespace twolayer;
namespace act = twolayer::activation;
namespace constants = boost::math::constants;
using mpfr200 = mp::number<mp::mpfr_float_backend<200>, mp::et_off>;

TEST_CASE("arc-cosine kernel: k(1) = pi, k(0) = 1, k(-1) = 0 to precision", "[closed_form]")
{
  using R = mpfr50;
  CHECK(agreeing_digits(arc_cosine_kernel(R(1)), constants::pi<R>()) >= 49);
  CHECK(agreeing_digits(arc_cosine_kernel(R(0)), R(1)) >= 49);
  CHECK(arc_cosine_kernel(R(-1)) == 0);
  // k'(ρ) = π − arccos ρ: k'(0) = π/2; k''(0) = 1.
  CHECK(agreeing_digits(arc_cosine_kernel_derivative(angle<R>::from_cosine(R(0))),
                        constants::half_pi<R>()) >= 49);
  CHECK(agreeing_digits(arc_cosine_kernel_second_derivative(angle<R>::from_cosine(R(0))), R(1)) >= 49);
}

TEST_CASE("closed forms at special points", "[closed_form]")
{
  using R = mpfr50;
  const R nu = R(5) / 4, nv = R(3) / 4;
  const auto right = angle<R>::from_cosine(R(0));
  const auto same = angle<R>::from_cosine(R(1));
  // step: P(both positive) = 1/4 at a right angle, 1/2 for the same direction.
  CHECK(agreeing_digits(closed_form_kernel(act::step{}, nu, nv, right), R(1) / 4) >= 49);
  CHECK(agreeing_digits(closed_form_kernel(act::step{}, nu, nv, same), R(1) / 2) >= 49);
  // abs: E|z| E|z'| = 2/π for independent; E z² = 1 for the same direction.
  CHECK(agreeing_digits(closed_form_kernel(act::absolute{}, nu, nv, right),
                        R(nu * nv * 2 / constants::pi<R>())) >= 49);
  CHECK(agreeing_digits(closed_form_kernel(act::absolute{}, nu, nv, same), R(nu * nv)) >= 49);
  // quadratic: E z⁴ = 3.
  CHECK(agreeing_digits(closed_form_kernel(act::quadratic{}, nu, nv, same), R(3 * nu * nu * nv * nv)) >= 49);
  // relu, same direction: E relu(z)² = 1/2.
  CHECK(agreeing_digits(closed_form_kernel(act::relu{}, nu, nv, same), R(nu * nv / 2)) >= 49);
  // erf, same unit direction: (2/π) arcsin(2/3).
  CHECK(agreeing_digits(closed_form_kernel(act::erf{}, R(1), R(1), same),
                        R(2 / constants::pi<R>() * asin(R(2) / 3))) >= 49);
}

TEST_CASE("leaky relu reduces to linear (slope 1) and to abs (slope -1)", "[closed_form]")
{
  using R = mpfr50;
  const R nu = R(5) / 4, nv = R(3) / 4;
  for (const R& rho : {R(-1), R(-2) / 3, R(0), R(3) / 10, R(1)}) {
    const auto a = angle<R>::from_cosine(rho);
    CHECK(agreeing_digits(closed_form_kernel(act::leaky_relu<R>{R(1)}, nu, nv, a),
                          closed_form_kernel(act::linear{}, nu, nv, a)) >= 48);
    CHECK(agreeing_digits(closed_form_kernel(act::leaky_relu<R>{R(-1)}, nu, nv, a),
                          closed_form_kernel(act::absolute{}, nu, nv, a)) >= 48);
  }
}

// The naive formula √(1−ρ²) + (π − arccos ρ) ρ cancels near ρ = −1, where k ≈ (π−θ)³/3:
// at ρ = −1 + 10⁻³⁰ about 30 digits are lost. At 200 digits 170 remain, so the naive
// formula there is an independent reference for the 50-digit stable evaluation. The
// reference is evaluated at the very same input: the 50-digit ρ converted exactly (the
// decimal −1 + 10⁻³⁰ rounded to 50 digits differs from its 200-digit rounding in the
// 21st significant digit of 1 + ρ).
mpfr200 naive_arc_cosine(const mpfr200& rho)
{
  return sqrt(mpfr200((1 - rho) * (1 + rho))) + (constants::pi<mpfr200>() - acos(rho)) * rho;
}

TEST_CASE("stable near rho = -1: 45 digits at rho = -(1 - 1e-30) in 50 digits", "[closed_form]")
{
  const mpfr50 rho50 = -1 + pow(mpfr50(10), -30);
  const mpfr200 rho200 = mpfr200(rho50);
  const mpfr50 stable = arc_cosine_kernel(rho50);
  const mpfr200 reference = naive_arc_cosine(rho200);
  CHECK(agreeing_digits(mpfr200(stable), reference) >= 45);
  // The same naive formula in 50 digits loses the digits the test is about.
  const mpfr50 naive50 = sqrt(mpfr50((1 - rho50) * (1 + rho50))) +
                         (constants::pi<mpfr50>() - acos(rho50)) * rho50;
  CHECK(agreeing_digits(mpfr200(naive50), reference) < 30);
}

template <class Activation200, class Activation50>
void check_stable(const Activation50& sigma50, const Activation200& sigma200)
{
  for (int sign : {-1, 1}) {
    const mpfr50 rho50 = sign * (1 - pow(mpfr50(10), -30));
    const mpfr200 rho200 = mpfr200(rho50);  // the same input, converted exactly
    const mpfr50 nu50 = mpfr50(5) / 4, nv50 = mpfr50(3) / 4;
    const mpfr200 nu200 = mpfr200(5) / 4, nv200 = mpfr200(3) / 4;
    const mpfr50 value = closed_form_kernel(sigma50, nu50, nv50, angle<mpfr50>::from_cosine(rho50));
    const mpfr200 reference =
        closed_form_kernel(sigma200, nu200, nv200, angle<mpfr200>::from_cosine(rho200));
    INFO(Activation50::name() << " at rho = " << sign << "(1 - 1e-30)");
    CHECK(agreeing_digits(mpfr200(value), reference) >= 45);
  }
}

TEST_CASE("every closed form keeps 45 digits at rho = +-(1 - 1e-30) in 50 digits", "[closed_form]")
{
  check_stable(act::relu{}, act::relu{});
  check_stable(act::step{}, act::step{});
  check_stable(act::absolute{}, act::absolute{});
  check_stable(act::leaky_relu<mpfr50>{mpfr50(1) / 10}, act::leaky_relu<mpfr200>{mpfr200(1) / 10});
  check_stable(act::leaky_relu<mpfr50>{mpfr50(-3) / 10}, act::leaky_relu<mpfr200>{mpfr200(-3) / 10});
  check_stable(act::erf{}, act::erf{});
  check_stable(act::linear{}, act::linear{});
  check_stable(act::quadratic{}, act::quadratic{});
}

TEST_CASE("angle between nearly antipodal vectors keeps pi - theta", "[closed_form]")
{
  using R = mpfr50;
  vector<R> u(3), v(3);
  u << 1, 0, 0;
  const R tiny = pow(R(10), -20);
  v << -1, tiny, 0;
  const auto a = angle<R>::between(u, v);
  CHECK(agreeing_digits(a.supplement, R(atan(tiny))) >= 48);
  CHECK(agreeing_digits(a.sine, R(sin(atan(tiny)))) >= 48);
  // and the kernel from vectors equals the kernel from the angle
  CHECK(agreeing_digits(closed_form_kernel(act::relu{}, u, v),
                        closed_form_kernel(act::relu{}, R(1), R(v.norm()), a)) >= 48);
  CHECK_THROWS_AS(angle<R>::from_cosine(R(2)), std::domain_error);
}

}  // namespace unit_closed_form
