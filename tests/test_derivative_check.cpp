// The Taylor-remainder check (check/derivative_check.hpp) as Manopt's checkgradient and
// checkhessian: right derivatives of Φ and Ψ_N give slopes 2 and 3 (within 0.05), and a
// gradient or a Hessian off by 1 % is caught (slopes pulled towards 1 and 2: below 1.5 and 2.5).
#include "twolayer/check/derivative_check.hpp"
#include "twolayer/numeric/scalar.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/objective/reduced_loss_problem.hpp"
#include "random_matrices.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_derivative_check {

using namespace twolayer;
using namespace twolayer::testing;
using R = mpfr50;

namespace {

matrix<R> tangent_direction(const matrix<R>& U, std::uint64_t seed)
{
  matrix<R> xi = gaussian_matrix<R>(U.rows(), U.cols(), seed);
  return sphere_product::project(U, xi);
}

/// Φ with a gradient or a Hessian scaled by (1 + error): what a sign or factor slip looks like.
struct wrong_phi {
  reduced_objective_problem<R> phi;
  R gradient_error, hessian_error;
  sphere_evaluation<R> operator()(const matrix<R>& U) const
  {
    auto e = phi(U);
    e.gradient *= 1 + gradient_error;
    return e;
  }
  matrix<R> hessian(const matrix<R>& U) const { return (1 + hessian_error) * phi.hessian(U); }
};

}  // namespace

TEST_CASE("Phi: the gradient's Taylor slope is 2 and the Hessian's 3", "[derivative_check]")
{
  const auto phi = phi_problem(R("1e-30"));
  for (auto [M, d] : std::vector<std::pair<int, int>>{{3, 2}, {4, 3}, {6, 4}}) {
    const matrix<R> U = random_unit_columns<R>(d, M, 300 + M);
    const auto slopes = check_derivatives(phi, U, tangent_direction(U, 310 + M));
    INFO("M = " << M << ", d = " << d << ": slopes " << slopes.gradient << ", " << *slopes.hessian);
    CHECK(abs(slopes.gradient - 2) < R(1) / 20);
    CHECK(abs(*slopes.hessian - 3) < R(1) / 20);
  }
}

TEST_CASE("a gradient or a Hessian off by 1 % is refused", "[derivative_check]")
{
  const matrix<R> U = random_unit_columns<R>(3, 4, 320);
  const matrix<R> xi = tangent_direction(U, 321);
  const auto bad_gradient = check_derivatives(wrong_phi{phi_problem(R("1e-30")), R(1) / 100, R(0)}, U, xi);
  INFO("slopes: bad gradient " << bad_gradient.gradient);
  CHECK(bad_gradient.gradient < R(3) / 2);  // far from 2: O(t) dominates over most of the window
  const auto bad_hessian = check_derivatives(wrong_phi{phi_problem(R("1e-30")), R(0), R(1) / 100}, U, xi);
  INFO("bad Hessian " << bad_hessian.gradient << ", " << *bad_hessian.hessian);
  CHECK(abs(bad_hessian.gradient - 2) < R(1) / 20);
  CHECK(*bad_hessian.hessian < R(5) / 2);  // far from 3: O(t²) dominates over most of the window
}

TEST_CASE("Psi_N of a realised target (no Hessian in the problem): gradient slope 2", "[derivative_check]")
{
  const int N = 12, d = 4, M = 3;
  const vector<R> a = gaussian_vector<R>(N, 330);
  const matrix<R> W = gaussian_matrix<R>(d, N, 331);
  const target_cross_term<R> target(vector<R>(a / R(N)), W);
  const auto psi = finite_reduced_problem(target, activation::relu{}, R("1e-30"));
  const matrix<R> U = random_unit_columns<R>(d, M, 332);
  const auto slopes = check_derivatives(psi, U, tangent_direction(U, 333));
  INFO("slope " << slopes.gradient);
  CHECK(abs(slopes.gradient - 2) < R(1) / 20);
  CHECK_FALSE(slopes.hessian.has_value());
}

}  // namespace unit_derivative_check
