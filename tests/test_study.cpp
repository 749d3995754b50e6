// The conjecture study as a library user reaches it (study/): one case run end to end gives
// the verdict the reports state, and the verdict rule's branches — including the
// counterexample branch, which no real run has taken — are driven by injected evidence.
#include "twolayer/numeric/scalar.hpp"
#include "twolayer/study/conjecture_case.hpp"
#include "twolayer/study/conjecture_grid.hpp"
#include "twolayer/study/conjecture_verdict.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_study {

using namespace twolayer;
using R = mpfr50;

namespace {

conjecture_search_options quick_search(long restarts)
{
  conjecture_search_options o;
  o.restarts = restarts;
  o.batch = 10;
  return o;
}

}  // namespace

TEST_CASE("One conjecture case, (M, d) = (3, 2), is consistent; its evidence states why", "[study]")
{
  const auto c = run_conjecture_case<R>(3, 2, quick_search(30), 5);
  CHECK(c.catalogue.restarts == 30);
  REQUIRE(c.phi_etf);
  REQUIRE(c.best_polished());
  CHECK(c.etf_test->verdict == critical_point_type::strict_local_max);
  CHECK(c.joint_zero_modes == c.joint_expected);
  const auto e = evidence_of(c);
  CHECK(e.digits_known >= 40);
  CHECK(e.best_structure == "span 2, simplex ETF");
  const auto decision = decide_conjecture(e);
  CHECK(decision.verdict == conjecture_verdict::consistent);
  CHECK(decision.reason == "best found = Phi_ETF to " + std::to_string(e.digits_known) +
                               " digits; ETF strict local maximum");
  CHECK(conjecture_exit_status({decision}) == 0);
}

TEST_CASE("A configuration beating Phi_ETF by more than its error is a counterexample, and the run fails",
          "[study]")
{
  auto c = run_conjecture_case<R>(4, 3, quick_search(20), 3);
  REQUIRE(c.best_polished());
  // Inject: the best point now claims a value above Φ_ETF. Its stated error is
  // |Φ_ETF|·10^(−digits known): one error above is still within it, two are not.
  auto& best = const_cast<polished_optimum<R>&>(*c.best_polished());
  const R error = abs(*c.phi_etf) * pow(R(10), -best.digits_known);
  best.polish.value = *c.phi_etf + error / 2;
  CHECK(decide_conjecture(evidence_of(c)).verdict == conjecture_verdict::consistent);
  best.polish.value = *c.phi_etf + 2 * error;
  const auto decision = decide_conjecture(evidence_of(c));
  CHECK(decision.verdict == conjecture_verdict::counterexample);
  CHECK(decision.reason ==
        "a polished configuration exceeds Phi_ETF by more than 10^-" + std::to_string(best.digits_known) + " (relative)");
  conjecture_decision fine;
  fine.verdict = conjecture_verdict::consistent;
  CHECK(conjecture_exit_status({fine, decision}) == 1);
}

TEST_CASE("The other verdicts: no conjecture beyond d + 1, undecided below Phi_ETF or at a degenerate ETF",
          "[study]")
{
  scoped_precision precision(50);
  using D = mpfr_dynamic;
  conjecture_evidence<D> e;
  e.M = 5;
  e.d = 2;
  e.best_structure = "span 2";
  e.best_second_order = "strict_local_max";
  CHECK(decide_conjecture(e).verdict == conjecture_verdict::no_conjecture);
  CHECK(to_string(decide_conjecture(e).verdict) == "no conjecture");

  e.M = 3;
  CHECK(decide_conjecture(e).verdict == conjecture_verdict::undecided);  // nothing polished
  CHECK(decide_conjecture(e).reason == "no polished optimum");

  e.phi_etf = simplex_etf_phi<D>(3);
  e.digits_known = 40;
  e.phi_best = *e.phi_etf * (1 - D("1e-30"));  // below by far more than 10^-40
  e.etf_second_order = "strict_local_max";
  CHECK(decide_conjecture(e).verdict == conjecture_verdict::undecided);

  e.phi_best = e.phi_etf;
  e.etf_second_order = "degenerate";
  e.best_degeneracy_note = "1 extra zero mode(s): 1 where Phi falls on both sides as |t|^3.0 (moving neurons 1,2)";
  const auto degenerate = decide_conjecture(e);
  CHECK(degenerate.verdict == conjecture_verdict::undecided);
  CHECK(degenerate.reason == "best found = Phi_ETF, but the second-order test at the ETF gives `degenerate`: " +
                                 e.best_degeneracy_note);
}

TEST_CASE("a degenerate point is consistent with a maximum only without positive curvature", "[study]")
{
  // `degenerate` = extra zero modes and no saddle; the other eigenvalues may all be positive.
  // Φ falling along the extra modes does not make such a point a maximum: it rises along the
  // positive eigenvector.
  polished_optimum<R> p;
  p.classified = true;
  p.second_order.verdict = critical_point_type::degenerate;
  p.second_order.probes.push_back({"falls", R(3), {1, 2}});
  p.second_order.negative = 3;
  CHECK(kind_of(p) == critical_kind::degenerate_max);
  p.second_order.negative = 0;
  p.second_order.positive = 2;
  CHECK(kind_of(p) == critical_kind::degenerate);
  p.second_order.positive = 0;
  p.second_order.probes.push_back({"rises", R(3), {3}});
  CHECK(kind_of(p) == critical_kind::degenerate);
}

TEST_CASE("The gain per neuron beyond the ETF comes from consecutive cases of one dimension", "[study]")
{
  std::vector<conjecture_case<R>> grid;
  for (int M : {3, 4, 5})
    grid.push_back(run_conjecture_case<R>(M, 2, quick_search(10), 2));
  // Inject known best values: Φ_best(3) = 1, Φ_best(4) = 3/2, Φ_best(5) = 7/4.
  const R injected[] = {R(1), R(3) / 2, R(7) / 4};
  for (int i = 0; i < 3; ++i) {
    REQUIRE(grid[i].best_polished());
    const_cast<polished_optimum<R>&>(*grid[i].best_polished()).polish.value = injected[i];
  }
  const auto gains = gains_beyond_etf_of(grid);
  REQUIRE(gains.gains.size() == 2);  // M = 3 = d + 1 has an ETF: no gain is counted for it
  CHECK(gains.gains[0].M == 4);
  CHECK(gains.gains[0].gain == 0.5);
  CHECK(gains.gains[1].M == 5);
  CHECK(gains.gains[1].gain == 0.25);
  CHECK(gains.lowest->M == 5);
  CHECK(gains.highest->M == 4);
  CHECK(gains.mean_by_d.at(2) == 0.375);
  // a case whose predecessor is missing from the grid is left out
  const std::vector<conjecture_case<R>> gap{grid[0], grid[2]};
  CHECK(gains_beyond_etf_of(gap).gains.empty());
}

}  // namespace unit_study
