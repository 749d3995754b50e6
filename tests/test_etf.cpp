// The ETF engine's high-precision half: Newton polish converges quadratically to the simplex
// ETF from a perturbed start and states its digits; a degenerate optimum (the antipodal pair)
// is polished linearly and classified `degenerate`; the joint (b, V) Hessian of L~ by dual
// numbers equals central differences of the gradient, and at (s*, ETF) its zero modes are
// the orbit plus one per neuron; simplex ETFs of fewer vectors are recognised.
#include "twolayer/check/optimum_catalogue.hpp"
#include "twolayer/check/polished_optimum.hpp"
#include "twolayer/geometry/gram_matching.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/numeric/agreement.hpp"
#include "twolayer/objective/simplified_hessian.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "random_matrices.hpp"

#include <catch2/catch.hpp>

#include <array>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_etf {

using namespace twolayer;
using namespace twolayer::testing;
using R = mpfr50;

TEST_CASE("Newton polish from a perturbed ETF converges quadratically, to >= 40 digits", "[etf]")
{
  for (auto [M, d] : std::vector<std::pair<int, int>>{{3, 2}, {4, 3}, {5, 6}}) {
    // a simplex ETF in double, moved by 1e-4 off it
    matrix<double> U = simplex_etf<double>(M, d, 5) + 1e-4 * gaussian_matrix<double>(d, M, 6);
    for (int j = 0; j < M; ++j)
      U.col(j).normalize();
    const auto optimum = polish_and_classify<R>(U);
    INFO("M = " << M << ", d = " << d << ": " << optimum.convergence << ", " << optimum.polish.iterations
                << " iterations, digits known " << optimum.digits_known);
    CHECK(optimum.convergence == "quadratic");
    CHECK(optimum.polish.gradient_norms.back() < pow(R(10), -45));
    CHECK(optimum.digits_known >= 40);
    CHECK(agreeing_digits(optimum.polish.value, simplex_etf_phi<R>(M)) >= 45);
    CHECK(to_string(optimum.second_order.verdict) == "strict_local_max");
    CHECK(optimum.second_order.zero_modes == optimum.second_order.orbit_dim);
    CHECK(optimum.etf_size == M);
    // quadratic: each step at least squares the gradient norm, up to a constant
    const auto& g = optimum.polish.gradient_norms;
    for (std::size_t k = 0; k + 1 < g.size(); ++k)
      if (g[k] < R(1e-3) && g[k + 1] > pow(R(10), -45))
        CHECK(g[k + 1] <= 100 * g[k] * g[k]);
  }
}

TEST_CASE("the antipodal pair polishes linearly and is classified degenerate", "[etf]")
{
  matrix<double> U(3, 2);
  U << 1, -0.999, 0, 0.03, 0, 0.02;
  for (int j = 0; j < 2; ++j)
    U.col(j).normalize();
  const auto optimum = polish_and_classify<R>(U);
  INFO(optimum.convergence << ", verdict " << to_string(optimum.second_order.verdict) << ", "
                           << optimum.second_order.degeneracy_note());
  CHECK(optimum.convergence != "quadratic");
  CHECK(to_string(optimum.second_order.verdict) == "degenerate");
  CHECK(optimum.invariants.antipodal_pairs == 1);
  CHECK(agreeing_digits(optimum.polish.value, simplex_etf_phi<R>(2)) >= 40);
}

TEST_CASE("the polished antipodal pair: span 1 everywhere, orbit d - 1, the Hessian's 2(d - 1) zeros, d - 1 extra",
          "[etf]")
{
  // A polished pair sits δ ≈ 1e-23 from the exact one: its Gram matrix has a second
  // eigenvalue near δ², which the stated rank tolerance (√ε) calls zero. The span, the orbit
  // and the count of extra zero modes must all describe the exact pair.
  for (int d : {2, 3, 4}) {
    matrix<double> U = simplex_etf<double>(2, d, 3) + 1e-3 * gaussian_matrix<double>(d, 2, 4);
    for (int j = 0; j < 2; ++j)
      U.col(j).normalize();
    const auto optimum = polish_and_classify<R>(U);
    INFO("d = " << d << ": " << optimum.convergence << ", " << optimum.second_order.degeneracy_note());
    REQUIRE(optimum.classified);
    CHECK(optimum.invariants.span == 1);
    CHECK(optimum.second_order.span == 1);
    CHECK(optimum.second_order.orbit_dim == d - 1);
    CHECK(optimum.second_order.zero_modes == 2 * (d - 1));
    CHECK(static_cast<int>(optimum.second_order.probes.size()) == d - 1);
    CHECK(kind_of(optimum) == critical_kind::degenerate_max);
  }
}

TEST_CASE("a point whose polish stops short of its target is not classified", "[etf]")
{
  const matrix<double> U = sphere_product::random_point(5, 3, 11);
  const auto optimum = polish_and_classify<R>(U, 1);
  INFO(optimum.stall_note);
  CHECK_FALSE(optimum.classified);
  CHECK(to_string(optimum.second_order.verdict) == "not_classified");
  CHECK(optimum.second_order.eigenvalues.size() == 0);
  CHECK(optimum.stall_note.find("polish stalled at gradient norm") != std::string::npos);
  CHECK(kind_of(optimum) == critical_kind::not_classified);
}

TEST_CASE("Newton polish converges to a saddle too, and the saddle is classified as one", "[etf]")
{
  // four directions on a square in a plane of R^3 (a saddle of Φ): Newton steps toward it
  // lower Φ, and a polish that accepted only non-decreasing Φ stalled near such points
  matrix<double> U(3, 4);
  U << 1, 0, -1, 0, 0, 1, 0, -1, 0, 0, 0, 0;
  U += 1e-5 * gaussian_matrix<double>(3, 4, 21);
  for (int j = 0; j < 4; ++j)
    U.col(j).normalize();
  const auto optimum = polish_and_classify<R>(U);
  INFO(optimum.convergence << ", " << optimum.stall_note);
  REQUIRE(optimum.classified);
  CHECK(optimum.polish.gradient_norms.back() < pow(R(10), -45));
  CHECK(to_string(optimum.second_order.verdict) == "saddle");
  CHECK(kind_of(optimum) == critical_kind::saddle);
}

TEST_CASE("Gram matrices are matched up to a permutation exactly, not by their sorted entries", "[etf]")
{
  // a configuration and a rotated, relabelled copy
  const matrix<R> U = simplex_etf<R>(5, 6, 2);
  matrix<R> V = simplex_etf<R>(5, 6, 9);
  const std::vector<int> relabel{3, 0, 4, 1, 2};
  matrix<R> W(V.rows(), V.cols());
  for (int j = 0; j < 5; ++j)
    W.col(j) = V.col(relabel[static_cast<std::size_t>(j)]);
  CHECK(same_configuration<R>(U, W, R(1e-40)));
  // the 6-cycle and two triangles: every row holds two a's and three b's, the same sorted
  // entries overall and per row, yet no relabelling maps one onto the other
  const R a = R(3) / 10, b = R(-1) / 10;
  matrix<R> cycle = matrix<R>::Constant(6, 6, b), triangles = matrix<R>::Constant(6, 6, b);
  for (int j = 0; j < 6; ++j) {
    cycle(j, j) = triangles(j, j) = 1;
    cycle(j, (j + 1) % 6) = cycle((j + 1) % 6, j) = a;
  }
  for (int t : {0, 3})
    for (int i = 0; i < 3; ++i)
      for (int k = 0; k < 3; ++k)
        if (i != k)
          triangles(t + i, t + k) = a;
  CHECK_FALSE(gram_permutation<R>(cycle, triangles, R(1e-30)).has_value());
  CHECK(gram_permutation<R>(cycle, cycle, R(1e-30)).has_value());
  CHECK(gram_permutation<R>(triangles, triangles, R(1e-30)).has_value());
}

namespace {

// A search basin made by hand: its representative, value and invariants as the search would
// record them, `count` restarts and `supplementary` planted starts.
void add_basin(search_catalogue& search, const matrix<double>& U, long count, std::uint64_t first,
               long supplementary = 0)
{
  const multi_start_options options;
  basin b;
  b.representative = U;
  b.value = reduced_objective(U, 1e-8).value;
  b.invariants = invariants_of(U, options.invariant_tolerance);
  b.count = count;
  b.first_restart = first;
  b.supplementary = supplementary;
  search.basins.push_back(b);
  search.restarts += count;
  search.outcomes[search_status::converged] += count;
  search.supplementary_starts += supplementary;
}

// The ETF of 4 in R^3 twice — rotated, relabelled, and moved 1e-7 off (two search basins) — and a
// saddle, the square in a plane.
std::array<matrix<double>, 3> etf_twice_and_square()
{
  matrix<double> first = simplex_etf<double>(4, 3, 1) + 1e-7 * gaussian_matrix<double>(3, 4, 2);
  matrix<double> etf = simplex_etf<double>(4, 3, 5);
  matrix<double> second(3, 4);
  second << etf.col(2), etf.col(0), etf.col(3), etf.col(1);
  second += 1e-7 * gaussian_matrix<double>(3, 4, 3);
  matrix<double> square(3, 4);
  square << 1, 0, -1, 0, 0, 1, 0, -1, 0, 0, 0, 0;
  square += 1e-7 * gaussian_matrix<double>(3, 4, 4);
  for (auto* U : {&first, &second, &square})
    for (int j = 0; j < 4; ++j)
      U->col(j).normalize();
  return {first, second, square};
}

}  // namespace

TEST_CASE("the catalogue merges an optimum found twice after the polish and counts kinds apart", "[etf]")
{
  search_catalogue search;
  const auto [first, second, square] = etf_twice_and_square();
  add_basin(search, first, 6, 0);
  add_basin(search, second, 3, 2);
  add_basin(search, square, 1, 5);
  const auto catalogue = catalogue_optima<R>(search, 20);
  REQUIRE(catalogue.points.size() == 2);
  const auto& top = catalogue.points.front();
  CHECK(top.kind == critical_kind::strict_local_max);
  CHECK(top.count == 9);
  CHECK(top.basins.size() == 2);
  CHECK(catalogue.maxima() == 1);
  CHECK(catalogue.count(critical_kind::saddle) == 1);
  CHECK(catalogue.restarts_in_maxima() == 9);
  CHECK(catalogue.singletons() == 0);  // the saddle seen once is not a maximum
  CHECK(catalogue.unseen_estimate() == 0.0);
  CHECK(catalogue.best() == &top);
  // the polish cap: beyond it a basin is counted as not polished, not as an optimum
  const auto capped = catalogue_optima<R>(search, 1);
  CHECK(capped.count(critical_kind::not_polished) == 2);
  CHECK(capped.maxima() == 1);
  CHECK(capped.restarts_in_maxima() == 6);
}

TEST_CASE("a basin only planted starts reached is polished beside the restarts' basins, not in their place, and "
          "its counts stay apart",
          "[etf]")
{
  search_catalogue search;
  const auto [first, second, square] = etf_twice_and_square();
  add_basin(search, first, 0, 7, 4);  // planted starts only
  add_basin(search, second, 3, 2);
  add_basin(search, square, 1, 5);
  const auto capped = catalogue_optima<R>(search, 1);
  CHECK(capped.search_basins == 2);
  CHECK(capped.supplementary_basins == 1);
  // the cap of 1 polishes the restarts' top basin and the planted top basin: both the ETF, merged
  CHECK(capped.count(critical_kind::not_polished) == 1);
  REQUIRE(capped.maxima() == 1);
  const auto& top = *capped.best_maximum();
  CHECK(top.count == 3);
  CHECK(top.supplementary == 4);
  CHECK(top.first_restart == 2);  // the first restart, not the planted start's index
  CHECK(capped.maxima_supplementary_only() == 0);
  CHECK(capped.restarts_in_maxima() == 3);
  CHECK(capped.restarts_unrecognised() == 1);  // the square, not polished
  CHECK(capped.unseen_bound() == unseen_mass_bound(4));
  // alone, the planted basin is a maximum only planted starts reached
  search_catalogue planted_only;
  add_basin(planted_only, first, 0, 7, 4);
  add_basin(planted_only, square, 1, 5);
  const auto alone = catalogue_optima<R>(planted_only, 1);
  CHECK(alone.maxima_supplementary_only() == 1);
  CHECK(alone.count(critical_kind::saddle) == 1);
  CHECK(alone.best_maximum()->first_restart == 7);
}

TEST_CASE("joint (b, V) Hessian of L~: dual numbers = central differences of the gradient (>= 25 digits)", "[etf]")
{
  // At a random point and at the simplex ETF the gradient is smooth and the central
  // difference's error is O(h²) = 1e-40: 25 digits. At the antipodal pair (where |û + v̂| = 0
  // has no derivative, which the dual route must step around) the kernel is only C², like
  // (π − θ)³, so the gradient's central difference errs by O(h) = 1e-20: 20 digits there.
  const R alpha = R(9) / 10;
  const std::vector<std::tuple<vector<R>, matrix<R>, int>> points{
      {gaussian_vector<R>(3, 11), gaussian_matrix<R>(4, 3, 12), 25},
      {vector<R>::Constant(4, R(1) / 3), simplex_etf<R>(4, 3), 25},
      {vector<R>::Constant(2, R(1) / 2), simplex_etf<R>(2, 3), 20}};
  for (const auto& [b, V, digits] : points) {
    const Eigen::Index M = b.size(), d = V.rows();
    const matrix<R> hessian = simplified_objective_hessian<R>(alpha, static_cast<unsigned>(d), b, V);
    const simplified_relu_objective<R> objective(alpha, static_cast<unsigned>(d));
    const R h = pow(R(10), -20);
    const Eigen::Index n = M + d * M;
    for (Eigen::Index k = 0; k < n; ++k) {
      auto gradient_at = [&](const R& step) {
        vector<R> bb = b;
        matrix<R> VV = V;
        if (k < M)
          bb(k) += step;
        else
          VV((k - M) % d, (k - M) / d) += step;
        vector<R> grad_b;
        matrix<R> grad_V;
        objective.gradient(bb, VV, grad_b, grad_V);
        vector<R> all(n);
        all << grad_b, Eigen::Map<const vector<R>>(grad_V.data(), grad_V.size());
        return all;
      };
      const vector<R> column = (gradient_at(h) - gradient_at(R(-h))) / (2 * h);
      for (Eigen::Index i = 0; i < n; ++i) {
        INFO("M = " << M << ", d = " << d << ", entry (" << i << ", " << k << "): dual " << hessian(i, k)
                    << ", central " << column(i));
        CHECK(abs(hessian(i, k) - column(i)) <= pow(R(10), -digits) * (1 + abs(column(i))));
      }
    }
  }
}

TEST_CASE("joint Hessian at (s*, ETF): zero modes = orbit + M, every other eigenvalue positive", "[etf]")
{
  for (auto [M, d] : std::vector<std::pair<int, int>>{{3, 2}, {4, 3}, {5, 6}}) {
    const matrix<R> U = simplex_etf<R>(M, d, 3);
    const R c = sphere_relu_mean<R>(d);
    const R alpha = 1;
    const vector<R> scales =
        2 * boost::math::constants::pi<R>() * alpha * d * c * c * reduced_objective(U, pow(R(10), -40)).scales;
    const matrix<R> hessian = simplified_objective_hessian<R>(alpha, d, scales, U);
    const vector<R> spectrum = Eigen::SelfAdjointEigenSolver<matrix<R>>(hessian, Eigen::EigenvaluesOnly).eigenvalues();
    int zero = 0, negative = 0;
    for (Eigen::Index i = 0; i < spectrum.size(); ++i) {
      zero += abs(spectrum(i)) < pow(R(10), -40);
      negative += spectrum(i) < -pow(R(10), -40);
    }
    INFO("M = " << M << ", d = " << d << ": smallest eigenvalues " << spectrum.head(3).transpose());
    CHECK(zero == orbit_dimension(d, M - 1) + M);
    CHECK(negative == 0);
  }
}

TEST_CASE("simplex ETFs of fewer vectors are recognised; others are not", "[etf]")
{
  matrix<double> U(3, 5);
  U.leftCols(4) = simplex_etf<double>(4, 3);
  U.col(4) = U.col(1);  // a repeated direction: still the ETF of 4 distinct directions
  CHECK(simplex_etf_size(U, 1e-9) == 4);
  CHECK(simplex_etf_size(simplex_etf<double>(3, 3), 1e-9) == 3);
  CHECK(simplex_etf_size(sphere_product::random_point(4, 3, 9), 1e-9) == 0);
}

}  // namespace unit_etf
