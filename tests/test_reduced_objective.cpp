// The reduced objective Φ(U) = 1ᵀK̂⁻¹1 (docs/mathematics.md §3): its value at the simplex ETF against
// the closed form, exact criticality of the ETF, and the analytic Riemannian gradient and
// Hessian against high-order finite differences along geodesics at 50 digits.
#include "twolayer/geometry/orbit.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/numeric/agreement.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/objective/reduced_hessian.hpp"
#include "random_matrices.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_reduced_objective {

using namespace twolayer;
using R = mpfr50;

namespace {

const R singular_tolerance = pow(R(10), -40);

matrix<R> random_directions(int d, int M, std::uint64_t seed)
{
  return testing::random_unit_columns<R>(d, M, seed);
}

matrix<R> random_tangent(const matrix<R>& U, std::uint64_t seed)
{
  matrix<R> xi = random_directions(static_cast<int>(U.rows()), static_cast<int>(U.cols()), seed);
  return sphere_product::project(U, xi);
}

template <class T = R>
matrix<T> geodesic(const matrix<R>& U, const matrix<R>& xi, const T& t)
{
  return testing::geodesic(U, xi, t);
}

R phi(const matrix<R>& U) { return reduced_objective(U, singular_tolerance).value; }

}  // namespace

TEST_CASE("simplex ETF, canonical and randomly oriented: unit norms, inner products -1/(M-1), span M-1, "
          "Phi = Phi_ETF(M)", "[reduced]")
{
  for (auto [M, d] : std::vector<std::pair<int, int>>{{2, 1}, {3, 2}, {3, 3}, {4, 3}, {5, 4}, {5, 6}, {9, 8}}) {
    for (const matrix<R>& U : {simplex_etf<R>(M, d), simplex_etf<R>(M, d, 1000 + M * d)}) {
      const matrix<R> gram = U.transpose() * U;
      INFO("M = " << M << ", d = " << d);
      for (int j = 0; j < M; ++j)
        for (int k = 0; k < M; ++k)
          CHECK(agreeing_digits(gram(j, k), j == k ? R(1) : R(R(-1) / (M - 1))) >= 47);
      CHECK(span_dimension(U, R(1e-30)) == M - 1);
      CHECK(agreeing_digits(phi(U), simplex_etf_phi<R>(M)) >= 45);
    }
  }
  const matrix<R> Q = random_orthogonal<R>(6, 7);
  CHECK((Q.transpose() * Q - matrix<R>::Identity(6, 6)).norm() < R(1e-48));
  CHECK_THROWS_AS(simplex_etf<R>(5, 3), std::domain_error);
}

TEST_CASE("the simplex ETF is exactly critical: Riemannian gradient < 1e-45", "[reduced]")
{
  for (auto [M, d] : std::vector<std::pair<int, int>>{{3, 2}, {3, 3}, {4, 3}, {5, 4}, {5, 6}}) {
    const matrix<R> U = simplex_etf<R>(M, d);
    const auto value = reduced_objective(U, singular_tolerance);
    const matrix<R> gradient =
        sphere_product::project(U, reduced_objective_euclidean_gradient(U, value.scales));
    INFO("M = " << M << ", d = " << d << ": |grad| = " << gradient.norm());
    CHECK(gradient.norm() < pow(R(10), -45));
  }
}

TEST_CASE("Riemannian gradient = finite differences along geodesics (>= 30 digits)", "[reduced]")
{
  // Sixth-order central difference, step 1e-7: truncation ~h⁶ = 1e-42 (times the 7th
  // derivative), rounding ~ε/h = 1e-43.
  const R h = pow(R(10), -7);
  for (auto [M, d, seed] : std::vector<std::tuple<int, int, int>>{{3, 2, 1}, {4, 3, 2}, {6, 4, 3}}) {
    const matrix<R> U = random_directions(d, M, seed);
    const auto value = reduced_objective(U, singular_tolerance);
    REQUIRE_FALSE(value.degenerate);
    const matrix<R> gradient =
        sphere_product::project(U, reduced_objective_euclidean_gradient(U, value.scales));
    const matrix<R> xi = random_tangent(U, seed + 100);
    const R analytic = (gradient.array() * xi.array()).sum();
    auto f = [&](int steps) { return phi(geodesic(U, xi, R(steps * h))); };
    const R numeric =
        (45 * (f(1) - f(-1)) - 9 * (f(2) - f(-2)) + (f(3) - f(-3))) / (60 * h);
    INFO("M = " << M << ", d = " << d << ": analytic " << analytic << ", numeric " << numeric);
    CHECK(agreeing_digits(numeric, analytic) >= 30);
  }
}

TEST_CASE("Riemannian Hessian = second differences along geodesics (>= 30 digits)", "[reduced]")
{
  // Sixth-order central second difference, step 1e-7: truncation ~h⁶ = 1e-42 (times the
  // 8th derivative, up to ~1e7 here), rounding ~6ε/h² = 6e-36.
  const R h = pow(R(10), -7);
  for (auto [M, d, seed] : std::vector<std::tuple<int, int, int>>{{3, 2, 4}, {4, 3, 5}, {6, 4, 6}}) {
    const matrix<R> U = random_directions(d, M, seed);
    const matrix<R> hessian = reduced_objective_hessian(U, singular_tolerance);
    REQUIRE(hessian.rows() == M * (d - 1));
    const matrix<R> T = sphere_product::tangent_bases(U);
    for (int trial = 0; trial < 3; ++trial) {
      const matrix<R> xi = random_tangent(U, seed + 200 + trial);
      // coordinates of ξ in the tangent bases
      const vector<R> flat = Eigen::Map<const vector<R>>(xi.data(), xi.size());
      const vector<R> coordinates = T.transpose() * flat;
      const R analytic = coordinates.dot(hessian * coordinates);
      auto f = [&](int steps) { return phi(geodesic(U, xi, R(steps * h))); };
      const R numeric = (2 * (f(3) + f(-3)) - 27 * (f(2) + f(-2)) + 270 * (f(1) + f(-1)) -
                         490 * f(0)) /
                        (180 * h * h);
      INFO("M = " << M << ", d = " << d << ": analytic " << analytic << ", numeric " << numeric);
      CHECK(agreeing_digits(numeric, analytic) >= 30);
    }
  }
}

TEST_CASE("antipodal pair: finite Hessian that vanishes (k(cos t) ~ (pi-t)^3/3)", "[reduced]")
{
  const matrix<R> U = simplex_etf<R>(2, 3);
  const matrix<R> hessian = reduced_objective_hessian(U, singular_tolerance);
  REQUIRE(hessian.rows() == 4);
  CHECK(hessian.cwiseAbs().maxCoeff() < pow(R(10), -45));
  CHECK(agreeing_digits(phi(U), R(2 / boost::math::constants::pi<R>())) >= 48);
}

TEST_CASE("coincident directions are reported degenerate, never a number", "[reduced]")
{
  matrix<R> U = random_directions(3, 3, 9);
  U.col(2) = U.col(0);
  CHECK(reduced_objective(U, singular_tolerance).degenerate);
  CHECK(reduced_objective_hessian(U, singular_tolerance).size() == 0);
}

TEST_CASE("dual numbers: the same gradient and Hessian by forward-mode differentiation", "[reduced]")
{
  // The objective's own code, run on dual numbers along a geodesic, differentiates
  // itself: an independent route to ⟨grad Φ, ξ⟩ (dual) and Hess Φ[ξ, ξ] (dual of dual),
  // exact up to rounding.
  using first = dual<R>;
  using second = dual<dual<R>>;
  for (auto [M, d, seed] : std::vector<std::tuple<int, int, int>>{{3, 2, 7}, {4, 3, 8}, {6, 4, 9}}) {
    const matrix<R> U = random_directions(d, M, seed);
    const matrix<R> xi = random_tangent(U, seed + 300);
    const auto value = reduced_objective(U, singular_tolerance);
    const matrix<R> gradient =
        sphere_product::project(U, reduced_objective_euclidean_gradient(U, value.scales));
    const R analytic_slope = (gradient.array() * xi.array()).sum();
    const first t1(R(0), R(1));
    const R dual_slope =
        reduced_objective(geodesic(U, xi, t1), first(singular_tolerance)).value.derivative;
    INFO("M = " << M << ", d = " << d << ": analytic " << analytic_slope << ", dual " << dual_slope);
    CHECK(agreeing_digits(dual_slope, analytic_slope) >= 45);

    const matrix<R> hessian = reduced_objective_hessian(U, singular_tolerance);
    const matrix<R> T = sphere_product::tangent_bases(U);
    const vector<R> coordinates = T.transpose() * Eigen::Map<const vector<R>>(xi.data(), xi.size());
    const R analytic_curvature = coordinates.dot(hessian * coordinates);
    const second t2(first(R(0), R(1)), first(R(1), R(0)));
    const R dual_curvature =
        reduced_objective(geodesic(U, xi, t2), second(singular_tolerance)).value.derivative.derivative;
    INFO("analytic " << analytic_curvature << ", dual of dual " << dual_curvature);
    CHECK(agreeing_digits(dual_curvature, analytic_curvature) >= 45);
  }
}

}  // namespace unit_reduced_objective
