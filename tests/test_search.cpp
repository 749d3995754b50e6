// Riemannian L-BFGS on (S^{d−1})^M in double: from random starts it reaches the simplex
// ETF value where the conjecture says, converges to a gradient norm of 1e-10, is
// deterministic, and reports coincident directions instead of failing.
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/optimize/lbfgs.hpp"
#include "random_matrices.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_search {

using namespace twolayer;

namespace {
/// L-BFGS on Φ (objective/phi_problem.hpp) from the unit columns of U0.
lbfgs_result<double> maximise_phi(const matrix<double>& U0, const lbfgs_options<double>& options)
{
  return maximise(phi_problem(options.singular_tolerance), U0, options);
}
}  // namespace

TEST_CASE("multi-start L-BFGS finds Phi_ETF for (M, d) = (4, 3) and (5, 5)", "[search]")
{
  for (auto [M, d] : std::vector<std::pair<int, int>>{{4, 3}, {5, 5}}) {
    const lbfgs_options<double> options;
    double best = 0;
    int converged = 0;
    for (int restart = 0; restart < 200; ++restart) {
      const auto run = maximise_phi(testing::random_unit_columns<double>(d, M, 1000 * M + restart), options);
      if (run.status == search_status::converged) {
        ++converged;
        CHECK(run.gradient_norm <= 1e-10);
      }
      best = std::max(best, run.value);
    }
    const double etf = simplex_etf_phi<double>(M);
    INFO("M = " << M << ", d = " << d << ": best " << best << ", ETF " << etf << ", converged "
                << converged << " of 200");
    CHECK(std::abs(best - etf) < 1e-12);
    CHECK(converged >= 150);
  }
}

TEST_CASE("the search is deterministic", "[search]")
{
  const matrix<double> start = testing::random_unit_columns<double>(4, 6, 5);
  const auto a = maximise_phi(start, lbfgs_options<double>{});
  const auto b = maximise_phi(start, lbfgs_options<double>{});
  CHECK(a.value == b.value);
  CHECK(a.U == b.U);
  CHECK(a.iterations == b.iterations);
}

TEST_CASE("coincident starting directions are reported, not crashed on", "[search]")
{
  matrix<double> start = testing::random_unit_columns<double>(3, 3, 6);
  start.col(1) = start.col(0);
  const auto run = maximise_phi(start, lbfgs_options<double>{});
  CHECK(run.status == search_status::degenerate);
}

TEST_CASE("M > d + 1 runs to a reported status", "[search]")
{
  lbfgs_options<double> options;
  options.max_iterations = 300;
  const auto run = maximise_phi(testing::random_unit_columns<double>(2, 5, 7), options);
  INFO("status " << to_string(run.status) << ", phi " << run.value << ", |grad| " << run.gradient_norm);
  CHECK((run.status == search_status::converged || run.status == search_status::stalled ||
         run.status == search_status::degenerate));
  CHECK(run.value > 0);
}

}  // namespace unit_search
