// Φ on the boundary where two directions merge (docs/mathematics.md §3.3,
// objective/boundary_objective.hpp): Φ at a pair separated by ε converges to Φ_∂ as ε → 0 (the
// merged configuration's own value is lower); the limit 0.597604 of §3.3 for M = 3 in R²;
// only δ's part orthogonal to u_1 matters; the analytic gradient against dual numbers; and the
// multi-start search on Φ_∂.
#include "twolayer/numeric/agreement.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/objective/boundary_objective.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "random_matrices.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_boundary_objective {

using namespace twolayer;
using R = mpfr50;

namespace {

const R tolerance("1e-40");

/// M − 1 random directions and a random δ as the last column.
matrix<R> random_boundary_point(int d, int M, std::uint64_t seed)
{
  return testing::random_unit_columns<R>(d, M, seed);
}

/// The pair itself at separation ε: (u_1, …, u_{M−1}, (u_1 + ε δ⊥)/‖·‖), δ⊥ the unit part of δ
/// orthogonal to u_1.
matrix<R> separated_pair(const matrix<R>& boundary, const R& eps)
{
  const Eigen::Index p = boundary.cols() - 1;
  vector<R> normal = boundary.col(p) - boundary.col(p).dot(boundary.col(0)) * boundary.col(0);
  normal.normalize();
  matrix<R> U = boundary;
  U.col(p) = boundary.col(0) + eps * normal;
  U.col(p).normalize();
  return U;
}
}  // namespace

TEST_CASE("Phi at a pair separated by eps converges to the boundary objective, above the merged value",
          "[boundary]")
{
  for (auto [M, d, seed] : std::vector<std::tuple<int, int, std::uint64_t>>{{3, 2, 1}, {4, 3, 2}, {6, 4, 3}}) {
    const matrix<R> B = random_boundary_point(d, M, seed);
    const auto limit = boundary_objective(B, tolerance);
    REQUIRE_FALSE(limit.degenerate);
    const R merged = reduced_objective(matrix<R>(B.leftCols(M - 1)), tolerance).value;
    INFO("M = " << M << ", d = " << d << ": Phi_boundary " << limit.value << ", merged " << merged);
    CHECK(limit.value >= merged);
    R previous = 1;
    for (const char* size : {"1e-4", "1e-8", "1e-12"}) {
      const R eps(size);
      const auto near = reduced_objective(separated_pair(B, eps), tolerance);
      REQUIRE_FALSE(near.degenerate);
      const R error = abs(near.value - limit.value);
      INFO("eps = " << size << ": |Phi - Phi_boundary| = " << error);
      CHECK(error < 100 * eps);
      CHECK(error < previous / 1000);  // at least linear convergence, seen at three scales
      previous = error;
    }
  }
}

TEST_CASE("the limit of section 3.3: M = 3 in R^2, the third direction at 120 degrees: 0.597604 > 0.574050",
          "[boundary]")
{
  matrix<R> B(2, 3);
  const R third = 2 * boost::math::constants::pi<R>() / 3;
  B << 1, cos(third), 0, 0, sin(third), 1;
  const auto limit = boundary_objective(B, tolerance);
  const R merged = reduced_objective(matrix<R>(B.leftCols(2)), tolerance).value;
  const R merged_closed = 2 / (boost::math::constants::pi<R>() + arc_cosine_kernel(R(-0.5)));
  INFO("Phi_boundary " << limit.value << ", merged " << merged);
  CHECK(abs(limit.value - R("0.597604")) < R("5e-7"));
  CHECK(abs(merged - R("0.574050")) < R("5e-7"));
  CHECK(agreeing_digits(merged, merged_closed) >= 48);
  // the second route: the pair itself at separation 1e-15 (λ_min(K̂) near 1e-30, above the tolerance)
  CHECK(abs(reduced_objective(separated_pair(B, R("1e-15")), tolerance).value - limit.value) < R("1e-12"));
}

TEST_CASE("only the part of delta orthogonal to u_1 matters; delta = u_1 is degenerate", "[boundary]")
{
  const matrix<R> B = random_boundary_point(4, 5, 11);
  const R value = boundary_objective(B, tolerance).value;
  for (const char* shift : {"0.3", "-2.5"}) {
    matrix<R> moved = B;
    moved.col(4) += R(shift) * B.col(0);
    moved.col(4).normalize();
    CHECK(agreeing_digits(boundary_objective(moved, tolerance).value, value) >= 45);
  }
  matrix<R> along = B;
  along.col(4) = B.col(0);
  CHECK(boundary_objective(along, tolerance).degenerate);
}

TEST_CASE("the boundary gradient against dual numbers along geodesics (>= 45 digits)", "[boundary]")
{
  using first = dual<R>;
  for (auto [M, d, seed] : std::vector<std::tuple<int, int, std::uint64_t>>{{2, 3, 21}, {3, 2, 22}, {5, 4, 23}, {7, 5, 24}}) {
    const matrix<R> B = random_boundary_point(d, M, seed);
    const matrix<R> xi = sphere_product::project(B, testing::random_unit_columns<R>(d, M, seed + 100));
    const boundary_objective_problem<R> problem{tolerance};
    const auto evaluation = problem(B);
    REQUIRE_FALSE(evaluation.degenerate);
    const R analytic = (evaluation.gradient.array() * xi.array()).sum();
    const R by_duals =
        boundary_objective(testing::geodesic(B, xi, first(R(0), R(1))), first(tolerance)).value.derivative;
    INFO("M = " << M << ", d = " << d << ": analytic " << analytic << ", dual " << by_duals);
    CHECK(agreeing_digits(by_duals, analytic) >= 45);
  }
}

TEST_CASE("the multi-start search runs on the boundary objective: M = 3 in R^2 stays below Phi_ETF(3)",
          "[boundary]")
{
  multi_start_options options;
  search_catalogue catalogue;
  run_restarts(boundary_objective_problem<double>{options.search.singular_tolerance}, 3, 2, 0, 64, options, catalogue);
  REQUIRE(catalogue.best());
  const double best = catalogue.best()->value;
  INFO("sup of Phi_boundary found: " << best << " from " << catalogue.restarts << " restarts");
  CHECK(catalogue.outcomes[search_status::converged] > 0);
  CHECK(best >= 0.597604 - 1e-6);  // at least the path of section 3.3
  CHECK(best < static_cast<double>(simplex_etf_phi<R>(3)));
}

TEST_CASE("the Schur complement: Phi_boundary - Phi(U') = (<delta, grad_u1 Phi>/(2 y_1))^2 / (pi - b'K^-1 b)",
          "[boundary]")
{
  for (auto [M, d, seed] : std::vector<std::tuple<int, int, std::uint64_t>>{{3, 3, 31}, {5, 4, 32}, {6, 6, 33}}) {
    matrix<R> B = random_boundary_point(d, M, seed);
    B.col(M - 1) -= B.col(M - 1).dot(B.col(0)) * B.col(0);  // δ ⊥ u_1
    B.col(M - 1).normalize();
    const matrix<R> merged = B.leftCols(M - 1);
    const auto phi = reduced_objective(merged, tolerance);
    const matrix<R> gradient = reduced_objective_euclidean_gradient(merged, phi.scales);
    const R derivative = B.col(M - 1).dot(gradient.col(0));
    const vector<R> b = boundary_gram(B).col(M - 1).head(M - 1);
    const R schur = boost::math::constants::pi<R>() - b.dot(phi.factorization.solve(b));
    const R predicted = phi.value + pow(derivative / (2 * phi.scales(0)), 2) / schur;
    const R value = boundary_objective(B, tolerance).value;
    INFO("M = " << M << ", d = " << d << ": Phi_boundary " << value << ", by the gradient of Phi " << predicted);
    CHECK(agreeing_digits(value, predicted) >= 45);
    CHECK(value > phi.value);
  }
}

}  // namespace unit_boundary_objective
