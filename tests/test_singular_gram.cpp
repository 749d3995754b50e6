// Where K̂ is singular (docs/mathematics.md §3.3, geometry/feature_dependence.hpp): exactly where
// the features relu(<u_j, ·>) are linearly dependent — coincident directions, or distinct
// directions whose antipodal pairs lie on dependent lines. The regular hexagon (three
// antipodal pairs in a plane) is the example with distinct directions, in R² and in R⁵
// (where M = 6 ≤ d + 1): λ_min(K̂) vanishes at 50 digits, Φ extends continuously there (to the
// pseudo-inverse value 1ᵀK̂⁺1 = Φ_ETF(3), approached as ε²) — by its symmetry: three antipodal
// pairs on lines at 0°, 50°, 110° have limits that depend on the direction — and the evaluation, the
// second-order test, the polish and the certificate refuse the point rather than return a
// number from a solve that has lost its digits.
#include "twolayer/check/polished_optimum.hpp"
#include "twolayer/check/second_order.hpp"
#include "twolayer/check/strict_max_certificate.hpp"
#include "twolayer/geometry/feature_dependence.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/optimize/lbfgs.hpp"
#include "random_matrices.hpp"

#include <Eigen/Eigenvalues>

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_singular_gram {

using namespace twolayer;
using R = mpfr50;

namespace {

/// The regular hexagon u_j = (cos jπ/3, sin jπ/3, 0, …) in R^d.
template <class Real>
matrix<Real> hexagon(int d)
{
  matrix<Real> U = matrix<Real>::Zero(d, 6);
  const Real step = boost::math::constants::pi<Real>() / 3;
  for (int j = 0; j < 6; ++j) {
    U(0, j) = cos(j * step);
    U(1, j) = sin(j * step);
  }
  return U;
}

R smallest_eigenvalue(const matrix<R>& K)
{
  return Eigen::SelfAdjointEigenSolver<matrix<R>>(K, Eigen::EigenvaluesOnly).eigenvalues().minCoeff();
}

/// 1ᵀK⁺1 from the eigen-decomposition, eigenvalues below 1e-40 counted as zero.
R pseudo_inverse_value(const matrix<R>& K)
{
  const Eigen::SelfAdjointEigenSolver<matrix<R>> eigen(K);
  R value = 0;
  for (Eigen::Index i = 0; i < K.rows(); ++i)
    if (eigen.eigenvalues()(i) > R("1e-40"))
      value += pow(eigen.eigenvectors().col(i).sum(), 2) / eigen.eigenvalues()(i);
  return value;
}

/// Columns moved by `size` times a seeded Gaussian, renormalised.
matrix<R> perturbed(const matrix<R>& U, const R& size, std::uint64_t seed)
{
  matrix<R> moved = U + size * testing::gaussian_matrix<R>(static_cast<int>(U.rows()), static_cast<int>(U.cols()), seed);
  for (Eigen::Index j = 0; j < moved.cols(); ++j)
    moved.col(j).normalize();
  return moved;
}

/// `pairs` antipodal pairs on random lines and `singles` random directions in R^d.
matrix<R> pairs_and_singles(int d, int pairs, int singles, std::uint64_t seed)
{
  const matrix<R> lines = testing::random_unit_columns<R>(d, pairs + singles, seed);
  matrix<R> U(d, 2 * pairs + singles);
  for (int i = 0; i < pairs; ++i) {
    U.col(2 * i) = lines.col(i);
    U.col(2 * i + 1) = -lines.col(i);
  }
  for (int i = 0; i < singles; ++i)
    U.col(2 * pairs + i) = lines.col(pairs + i);
  return U;
}

const R tolerance = pow(R(10), -30);  // on squared distances; exact structures sit at 1e-50
}  // namespace

TEST_CASE("the hexagon: distinct directions, K-hat singular at 50 digits, Phi continuous there", "[singular_gram]")
{
  const R phi_etf3 = simplex_etf_phi<R>(3);
  for (int d : {2, 5}) {
    const matrix<R> U = hexagon<R>(d);
    const matrix<R> K = arc_cosine_gram(U);
    INFO("d = " << d << ", lambda_min = " << smallest_eigenvalue(K));
    CHECK(abs(smallest_eigenvalue(K)) < R("1e-45"));
    const auto structure = relu_feature_dependence(U, tolerance);
    CHECK(structure.kind == feature_dependence_kind::dependent_antipodal_lines);
    CHECK(structure.coincident.empty());
    CHECK(structure.antipodal.size() == 3);
    CHECK(structure.line_rank == 2);
    CHECK(structure.describe().find("3 antipodal pairs on lines spanning 2 dimensions") != std::string::npos);
    // a null vector: v_0 − v_1 + v_2 = 0 for the lines v_j = u_j, and each pair (u_j, u_{j+3})
    // enters with opposite signs
    vector<R> c(6);
    c << 1, -1, 1, -1, 1, -1;
    CHECK((K * c).norm() < R("1e-45"));
    // the evaluation refuses the point
    CHECK(reduced_objective(U, R("1e-40")).degenerate);

    // Φ extends continuously: 1 is orthogonal to the null vector, so the pseudo-inverse value
    // is defined, and it equals Φ_ETF(3) (the symmetry argument of §3.3)
    CHECK(abs(pseudo_inverse_value(K) - phi_etf3) < R("1e-40"));
    // and perturbations of size ε approach it as ε² (λ_min(K̂) is of order ε² too)
    for (const char* size : {"1e-6", "1e-12"}) {
      const R eps(size);
      for (std::uint64_t seed : {1u, 2u, 3u}) {
        const matrix<R> moved = perturbed(U, eps, 100 * seed + static_cast<std::uint64_t>(d));
        const auto value = reduced_objective(moved, R("1e-40"));
        REQUIRE_FALSE(value.degenerate);
        INFO("eps = " << size << ", seed " << seed << ": Phi - Phi_ETF(3) = " << R(value.value - phi_etf3));
        CHECK(abs(value.value - phi_etf3) < 10 * eps * eps);
        CHECK(abs(value.value - phi_etf3) > eps * eps * eps);  // it does move: not a value compared with itself
        CHECK(smallest_eigenvalue(value.gram) < 100 * eps * eps);
        CHECK(value.scales.cwiseAbs().maxCoeff() < 1);  // the scales stay bounded
        CHECK(relu_feature_dependence(moved, tolerance).kind == feature_dependence_kind::independent);
      }
    }
  }
}

TEST_CASE("K-hat is singular exactly when the features are dependent: the structure against lambda_min",
          "[singular_gram]")
{
  struct example {
    const char* name;
    matrix<R> U;
    feature_dependence_kind kind;
  };
  std::vector<example> examples;
  examples.push_back({"simplex ETF (4, 3)", simplex_etf<R>(4, 3), feature_dependence_kind::independent});
  examples.push_back({"square in R^3", pairs_and_singles(3, 2, 0, 7), feature_dependence_kind::independent});
  examples.push_back({"octahedron (3 pairs in R^3)", pairs_and_singles(3, 3, 0, 8), feature_dependence_kind::independent});
  examples.push_back({"3 pairs and 2 singles in R^3", pairs_and_singles(3, 3, 2, 9), feature_dependence_kind::independent});
  examples.push_back({"4 pairs in R^3", pairs_and_singles(3, 4, 0, 10), feature_dependence_kind::dependent_antipodal_lines});
  examples.push_back({"6 pairs and 1 single in R^5", pairs_and_singles(5, 6, 1, 11),
                      feature_dependence_kind::dependent_antipodal_lines});
  examples.push_back({"hexagon in R^3", hexagon<R>(3), feature_dependence_kind::dependent_antipodal_lines});
  matrix<R> repeated = testing::random_unit_columns<R>(4, 5, 12);
  repeated.col(3) = repeated.col(1);
  examples.push_back({"a repeated direction", repeated, feature_dependence_kind::coincident_directions});
  for (std::uint64_t seed = 20; seed < 30; ++seed)  // antipodal pairs on k ≤ d lines: independent
    examples.push_back({"random pairs", pairs_and_singles(4, static_cast<int>(seed % 5), 1, seed),
                        feature_dependence_kind::independent});
  for (const auto& e : examples) {
    const auto structure = relu_feature_dependence(e.U, tolerance);
    const R lambda = smallest_eigenvalue(arc_cosine_gram(e.U));
    INFO(e.name << ": " << to_string(structure.kind) << ", lambda_min(K-hat) = " << lambda);
    CHECK(structure.kind == e.kind);
    if (e.kind == feature_dependence_kind::independent)
      CHECK(lambda > R("1e-6"));  // random configurations come near dependence at times; far from 1e-45
    else
      CHECK(abs(lambda) < R("1e-45"));
  }
}

TEST_CASE("at and near the hexagon the solvers refuse or leave it; the certificate refuses it", "[singular_gram]")
{
  // the second-order test at the exact hexagon: Φ is undefined there, the verdict says so
  const auto problem = phi_problem(R("1e-25"));
  const matrix<R> U = hexagon<R>(5);
  const auto test = second_order_test(problem, U, R("1e-20"), R("1e-25"));
  CHECK(test.verdict == critical_point_type::degenerate);
  CHECK(test.eigenvalues.size() == 0);

  // the polish from the exact hexagon refuses it and names the structure
  const matrix<double> start = hexagon<double>(5);
  const auto at = polish_and_classify<R>(start);
  INFO("from the hexagon: " << at.convergence << ", " << at.stall_note);
  CHECK(at.convergence == "degenerate");
  CHECK_FALSE(at.classified);
  CHECK(at.stall_note.find("antipodal pairs on lines spanning 2") != std::string::npos);

  // from a nearby start Newton is drawn to the hexagon (a critical point of Φ's continuous
  // extension) and stops where K̂ is numerically singular: the point is refused, with the
  // structure named, and Φ there is the limit Φ_ETF(3)
  for (std::uint64_t seed : {1u, 2u}) {
    matrix<double> near = start + 1e-3 * testing::gaussian_matrix<double>(5, 6, seed);
    for (int j = 0; j < 6; ++j)
      near.col(j).normalize();
    const auto polished = polish_and_classify<R>(near, 60);
    INFO("seed " << seed << ": " << polished.convergence << ", " << polished.stall_note << ", Phi - Phi_ETF(3) = "
                 << R(polished.polish.value - simplex_etf_phi<R>(3)));
    CHECK_FALSE(polished.classified);
    CHECK(polished.second_order.verdict == critical_point_type::not_classified);
    CHECK(polished.stall_note.find("next to a singular K-hat") != std::string::npos);
    CHECK(polished.stall_note.find("3 antipodal pairs") != std::string::npos);
    CHECK(abs(polished.polish.value - simplex_etf_phi<R>(3)) < R("1e-20"));
  }

  // the double search from the same nearby starts climbs away from the hexagon (Φ rises off it;
  // here all three reach Φ_ETF(6) = 0.8994, the ETF of R⁵) and ends where K̂ is well conditioned,
  // or reports `degenerate`: never a maximum on the set
  const lbfgs_options<double> search;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    matrix<double> near = start + 1e-3 * testing::gaussian_matrix<double>(5, 6, seed);
    for (int j = 0; j < 6; ++j)
      near.col(j).normalize();
    const auto run = maximise(phi_problem(search.singular_tolerance), near, search);
    const auto structure = relu_feature_dependence(run.U, 1e-6);
    INFO("seed " << seed << ": " << to_string(run.status) << ", Phi " << run.value << ", " << to_string(structure.kind));
    if (run.status == search_status::converged) {
      CHECK(structure.kind == feature_dependence_kind::independent);
      CHECK(run.value > static_cast<double>(simplex_etf_phi<R>(3)) + 1e-3);
    } else {
      CHECK(run.status == search_status::degenerate);
    }
  }

  // the certificate: the interval Cholesky factorisation of K̂ cannot succeed
  const auto certificate = certify_strict_local_max<interval50>(hexagon<interval50>(5), orbit_dimension(5, 2));
  INFO(certificate.reason);
  CHECK_FALSE(certificate.certified);
  CHECK(certificate.reason.find("Cholesky") != std::string::npos);
}

TEST_CASE("dependent antipodal lines without the hexagon's symmetry: the limit of Phi depends on the direction",
          "[singular_gram]")
{
  // three antipodal pairs in R² on lines at 0°, 50° and 110° (any three lines in R² are dependent)
  matrix<R> U(2, 6);
  const R degree = boost::math::constants::pi<R>() / 180;
  int column = 0;
  for (int angle : {0, 50, 110}) {
    U(0, column) = cos(angle * degree);
    U(1, column) = sin(angle * degree);
    U.col(column + 1) = -U.col(column);
    column += 2;
  }
  const matrix<R> K = arc_cosine_gram(U);
  REQUIRE(abs(smallest_eigenvalue(K)) < R("1e-45"));
  CHECK(relu_feature_dependence(U, tolerance).kind == feature_dependence_kind::dependent_antipodal_lines);
  const R pseudo = pseudo_inverse_value(K);
  // the limits along two directions at two scales: each settles (ε and ε/100 agree), they differ
  // from each other, and both lie above the pseudo-inverse value
  std::vector<R> limits;
  for (std::uint64_t seed : {41u, 42u}) {
    const R at_small = reduced_objective(perturbed(U, R("1e-10"), seed), R("1e-40")).value;
    const R at_smaller = reduced_objective(perturbed(U, R("1e-12"), seed), R("1e-40")).value;
    INFO("seed " << seed << ": Phi - 1'K^+1 = " << R(at_small - pseudo) << " at 1e-10, " << R(at_smaller - pseudo)
                 << " at 1e-12");
    CHECK(abs(at_small - at_smaller) < R("1e-8"));
    CHECK(at_smaller - pseudo > R("1e-6"));
    limits.push_back(at_smaller);
  }
  INFO("limits " << limits[0] << " and " << limits[1]);
  CHECK(abs(limits[0] - limits[1]) > R("1e-6"));
}

}  // namespace unit_singular_gram
