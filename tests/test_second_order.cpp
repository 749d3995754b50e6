// The second-order test (docs/mathematics.md §3) at 50 digits: the simplex ETF is a strict local
// maximum modulo O(d) with exactly orbit-dimension zero modes; the antipodal pair is
// degenerate, with Φ falling as |t|³ along its extra zero modes; a planar square of four
// directions in R³ is a saddle.
#include "twolayer/check/second_order.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/phi_problem.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_second_order {

using namespace twolayer;
using R = mpfr50;

namespace {
const R singular_tolerance = pow(R(10), -40);
const R zero_threshold = pow(R(10), -30);
}  // namespace

TEST_CASE("orbit dimension of a configuration spanning r of d dimensions", "[second_order]")
{
  CHECK(orbit_dimension(2, 2) == 1);
  CHECK(orbit_dimension(3, 2) == 3);  // a planar configuration in R³: all of O(3) moves it
  CHECK(orbit_dimension(3, 1) == 2);
  CHECK(orbit_dimension(6, 4) == 14);
  CHECK(orbit_dimension(4, 4) == 6);
}

TEST_CASE("the simplex ETF is a strict local maximum with orbit-dimension zero modes",
          "[second_order]")
{
  for (auto [M, d] : std::vector<std::pair<int, int>>{{3, 2}, {3, 3}, {4, 3}, {5, 4}, {5, 6}}) {
    const auto result = second_order_test(phi_problem(singular_tolerance), simplex_etf<R>(M, d), zero_threshold, singular_tolerance);
    INFO("M = " << M << ", d = " << d << ": zero modes " << result.zero_modes << ", orbit "
                << result.orbit_dim << ", margin " << result.margin << ", largest eigenvalue "
                << result.eigenvalues.maxCoeff());
    CHECK(to_string(result.verdict) == "strict_local_max");
    CHECK(result.span == M - 1);
    CHECK(result.zero_modes == result.orbit_dim);
    CHECK(result.margin > pow(R(10), -3));
    // the zero cluster sits at rounding level, far below the threshold
    for (Eigen::Index i = 0; i < result.eigenvalues.size(); ++i)
      if (abs(result.eigenvalues(i)) <= zero_threshold)
        CHECK(abs(result.eigenvalues(i)) < pow(R(10), -45));
  }
}

TEST_CASE("the antipodal pair is degenerate, not strict and not an error; Phi falls as |t|^3 off it",
          "[second_order]")
{
  for (int d : {2, 3, 5}) {
    const auto result = second_order_test(phi_problem(singular_tolerance), simplex_etf<R>(2, d), zero_threshold, singular_tolerance);
    INFO("d = " << d << ": " << result.degeneracy_note());
    CHECK(to_string(result.verdict) == "degenerate");
    CHECK(result.zero_modes == 2 * (d - 1));  // the whole Hessian vanishes
    CHECK(result.orbit_dim == d - 1);
    // the d − 1 directions that bend the pair, each a cubic fall (k(cos t) ~ (π − t)³/3)
    REQUIRE(static_cast<int>(result.probes.size()) == d - 1);
    for (const auto& probe : result.probes) {
      CHECK(probe.behaviour == "falls");
      CHECK(abs(probe.order - 3) < R(1) / 10);
    }
  }
}

TEST_CASE("no extra zero modes at the simplex ETF: the zero cluster is the orbit", "[second_order]")
{
  // The orbit's tangent space, spanned by (A u_j)_j for A in so(d), contains every zero mode.
  for (auto [M, d] : std::vector<std::pair<int, int>>{{3, 2}, {4, 3}, {4, 5}}) {
    const matrix<R> U = simplex_etf<R>(M, d, 77);
    const matrix<R> hessian = reduced_objective_hessian(U, singular_tolerance);
    Eigen::SelfAdjointEigenSolver<matrix<R>> solver(hessian);
    std::vector<Eigen::Index> zero;
    for (Eigen::Index i = 0; i < hessian.rows(); ++i)
      if (abs(solver.eigenvalues()(i)) <= zero_threshold)
        zero.push_back(i);
    matrix<R> cluster(hessian.rows(), static_cast<Eigen::Index>(zero.size()));
    for (std::size_t i = 0; i < zero.size(); ++i)
      cluster.col(static_cast<Eigen::Index>(i)) = solver.eigenvectors().col(zero[i]);
    INFO("M = " << M << ", d = " << d);
    CHECK(static_cast<int>(zero.size()) == orbit_dimension(d, M - 1));
    CHECK(extra_zero_directions(U, cluster, orbit_dimension(d, M - 1)).cols() == 0);
  }
}

TEST_CASE("four directions on a square in a plane of R^3 are a saddle", "[second_order]")
{
  // Critical by symmetry (y constant; each u_j's neighbours cancel and k'(−1) = 0), but
  // leaving the plane towards the tetrahedron raises Φ while in-plane moves lower it.
  matrix<R> U = matrix<R>::Zero(3, 4);
  U(0, 0) = 1;
  U(1, 1) = 1;
  U(0, 2) = -1;
  U(1, 3) = -1;
  const auto value = reduced_objective(U, singular_tolerance);
  const matrix<R> gradient =
      sphere_product::project(U, reduced_objective_euclidean_gradient(U, value.scales));
  REQUIRE(gradient.norm() < pow(R(10), -45));
  const auto result = second_order_test(phi_problem(singular_tolerance), U, zero_threshold, singular_tolerance);
  INFO("positive " << result.positive << ", negative " << result.negative << ", zeros "
                   << result.zero_modes << ", orbit " << result.orbit_dim);
  CHECK(to_string(result.verdict) == "saddle");
}

TEST_CASE("the classification rule, in its order: fewer zero modes than the symmetry explains gives no verdict",
          "[second_order]")
{
  using V = vector<double>;
  auto classify = [](std::initializer_list<double> values, int expected) {
    V lambda(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double v : values)
      lambda(i++) = v;
    return classify_critical_point(lambda, 1e-8, expected, optimisation_sense::maximise);
  };
  CHECK(classify({-2, -1, 0, 1e-12}, 2).type == critical_point_type::strict_local_max);
  CHECK(classify({-2, -1, 0, 1e-12}, 2).margin == 1);
  CHECK(classify({-2, 1, 0, 0}, 2).type == critical_point_type::saddle);
  CHECK(classify({-2, 0, 0, 0}, 2).type == critical_point_type::degenerate);
  CHECK(classify({2, 1, 0, 0}, 2).type == critical_point_type::strict_local_min);
  // an orbit eigenvalue above the threshold: one zero mode where the symmetry gives two. All the
  // others are negative, but one of them is an orbit direction: no strict maximum is shown
  const auto short_count = classify({-2, -1, -1e-6, 0}, 2);
  CHECK(short_count.zero_modes == 1);
  CHECK(short_count.type == critical_point_type::not_classified);
  // nor a saddle: the positive one may be an orbit direction too
  CHECK(classify({-2, 1e-6, -1e-6, 0}, 2).type == critical_point_type::not_classified);
  // the finite problem expects none, so the rule never fires there
  CHECK(classify({-2, -1}, 0).type == critical_point_type::strict_local_max);
}

}  // namespace unit_second_order
