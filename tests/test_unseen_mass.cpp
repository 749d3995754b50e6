// How complete a search is (numeric/unseen_mass.hpp, docs/mathematics.md §5.2): the bounds by
// a second route (long double, from their defining inequalities), and on a synthetic sampler
// with known basin masses fed through the search's own catalogue (optimize/multi_start.hpp):
// the 95 % bound misses a basin above it in fewer than 5 % of seeded trials, the Good–Turing
// estimate alone does not, and the bound for one basin is not a bound for all at once.
#include "twolayer/numeric/unseen_mass.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "twolayer/study/conjecture_case.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_unseen_mass {

using namespace twolayer;

TEST_CASE("the bound for one basin solves (1 - b)^n = 0.05 and is below the rule of three", "[unseen_mass]")
{
  for (long n : {1L, 2L, 10L, 300L, 10000L, 29956L, 1000000L}) {
    const double b = unseen_mass_bound(n);
    // second route: the defining equation in long double
    CHECK(std::abs(std::pow(1.0L - static_cast<long double>(b), static_cast<long double>(n)) - 0.05L) < 1e-12L);
    CHECK(b <= -std::log(0.05) / double(n));
    CHECK(b < unseen_mass_bound(n - 1 > 0 ? n - 1 : 0));
  }
  CHECK(unseen_mass_bound(0) == 1.0);
  CHECK_THROWS(unseen_mass_bound(10, 1.0));
}

TEST_CASE("the restarts for a target are the fewest n with (1 - target)^n < 0.05", "[unseen_mass]")
{
  // second route: count up in long double
  for (double target : {0.5, 0.05, 3e-3, 1e-4}) {
    long n = 1;
    while (std::pow(1.0L - static_cast<long double>(target), static_cast<long double>(n)) >= 0.05L)
      ++n;
    CHECK(restarts_for_unseen_bound(target) == n);
  }
  CHECK(restarts_for_unseen_bound(1e-4) == 29956);
  CHECK(unseen_mass_bound(29956) < 1e-4);
  CHECK(unseen_mass_bound(29955) >= 1e-4);
  CHECK_THROWS(restarts_for_unseen_bound(0.0));
  CHECK_THROWS(restarts_for_unseen_bound(1e-19));  // n would not fit
}

TEST_CASE("the bound for every basin at once is the smallest b with floor(1/b)(1 - b)^n <= 0.05", "[unseen_mass]")
{
  // n ≤ 4: the bound for one basin exceeds 1/2, so floor(1/b) = 1 and the two bounds agree
  for (long n : {1L, 2L, 3L, 4L})
    CHECK(unseen_mass_bound_all(n) == unseen_mass_bound(n));
  for (long n : {5L, 10L, 60L, 10000L, 29956L}) {
    const double b = unseen_mass_bound_all(n);
    auto missed = [&](long double x) {
      return std::floor(1 / x) * std::pow(1 - x, static_cast<long double>(n));
    };
    CHECK(missed(b) <= 0.05L);
    CHECK(missed(static_cast<long double>(b) * (1 - 1e-9L)) > 0.05L);
    CHECK(b > unseen_mass_bound(n));
  }
}

namespace {

// A synthetic search: basin k (M = 2 directions in R^2 at angle θ_k, value v_k) is hit with
// probability masses[k]; the rest of the mass ends in a stalled restart.
struct synthetic_sampler {
  std::vector<double> masses;

  static matrix<double> configuration(std::size_t k)
  {
    const double angle = 0.3 + 0.2 * static_cast<double>(k);
    matrix<double> U(2, 2);
    U << 1, std::cos(angle), 0, std::sin(angle);
    return U;
  }

  search_catalogue run(long restarts, std::uint64_t seed) const
  {
    boost::random::mt19937_64 engine(seed);
    boost::random::uniform_01<double> uniform;
    search_catalogue catalogue;
    const multi_start_options options;
    for (long i = 0; i < restarts; ++i) {
      double u = uniform(engine);
      restart_outcome outcome{static_cast<std::uint64_t>(i), search_status::stalled, 0, matrix<double>()};
      for (std::size_t k = 0; k < masses.size(); ++k) {
        if (u < masses[k]) {
          outcome = {static_cast<std::uint64_t>(i), search_status::converged, 1.0 + 0.01 * double(k), configuration(k)};
          break;
        }
        u -= masses[k];
      }
      add_outcome(catalogue, outcome, options);
    }
    return catalogue;
  }

  static bool seen(const search_catalogue& catalogue, std::size_t k)
  {
    for (const auto& b : catalogue.basins)
      if (std::abs(b.value - (1.0 + 0.01 * double(k))) < 1e-12)
        return true;
    return false;
  }
};

constexpr long restarts = 60;
constexpr int trials = 2000;

// The share of trials in which basin `rare` is missed, and the share in which it is missed while
// the Good–Turing estimate of the unseen mass is below its mass.
struct miss_rates {
  double missed = 0, missed_below_good_turing = 0;
};

miss_rates rates(const synthetic_sampler& sampler, std::size_t rare)
{
  int missed = 0, fooled = 0;
  for (int t = 0; t < trials; ++t) {
    const auto catalogue = sampler.run(restarts, mix64(7000 + static_cast<std::uint64_t>(t)));
    if (!synthetic_sampler::seen(catalogue, rare)) {
      ++missed;
      fooled += catalogue.unseen_estimate() < sampler.masses[rare];
    }
  }
  return {double(missed) / trials, double(fooled) / trials};
}

}  // namespace

TEST_CASE("synthetic sampler: a basin above the 95 % bound is missed in fewer than 5 % of trials, Good-Turing "
          "alone is fooled far more often",
          "[unseen_mass]")
{
  const double bound = unseen_mass_bound(restarts);  // 0.0487 for 60 restarts
  for (double factor : {1.25, 1.5}) {
    const double p = factor * bound;
    const synthetic_sampler sampler{{0.6, 0.39 - p, p}};
    const auto r = rates(sampler, 2);
    INFO("rare basin of mass " << p << " = " << factor << " x bound " << bound << ": missed in " << r.missed);
    CHECK(r.missed < 0.05);
    // and the rate is (1 − p)^n: the test can tell a bound that is too small
    CHECK(std::abs(r.missed - std::pow(1 - p, double(restarts))) < 4 * std::sqrt(0.05 * 0.95 / trials));
  }
  // just below the bound a basin is missed more often than 5 % (expected 0.05^0.9 = 6.7 %): a
  // bound 10 % too large would fail here
  const auto near = rates(synthetic_sampler{{0.6, 0.39 - 0.9 * bound, 0.9 * bound}}, 2);
  INFO("rare basin of mass 0.9 x bound: missed in " << near.missed);
  CHECK(near.missed > 0.05);
  // further below a basin is missed often, and in every such miss Good–Turing (no singletons
  // among the frequent basins) puts the unseen mass below the missed basin's: it is no bound
  const double p = 0.5 * bound;
  const auto r = rates(synthetic_sampler{{0.6, 0.39 - p, p}}, 2);
  INFO("rare basin of mass " << p << ": missed in " << r.missed << ", Good-Turing below its mass in "
                             << r.missed_below_good_turing);
  CHECK(r.missed > 0.05);
  CHECK(r.missed_below_good_turing > 0.05);
}

TEST_CASE("synthetic sampler: many basins above the bound for one are missed together more often than 5 %; "
          "above the bound for all at once, fewer",
          "[unseen_mass]")
{
  auto any_missed = [](double mass) {
    const synthetic_sampler sampler{std::vector<double>(static_cast<std::size_t>(std::floor(1 / mass)), mass)};
    int missed = 0;
    for (int t = 0; t < trials; ++t) {
      const auto catalogue = sampler.run(restarts, mix64(9000 + static_cast<std::uint64_t>(t)));
      bool all = true;
      for (std::size_t k = 0; k < sampler.masses.size(); ++k)
        all = all && synthetic_sampler::seen(catalogue, k);
      missed += !all;
    }
    return double(missed) / trials;
  };
  CHECK(any_missed(1.2 * unseen_mass_bound(restarts)) > 0.05);
  CHECK(any_missed(1.05 * unseen_mass_bound_all(restarts)) < 0.05);
}

TEST_CASE("a search stops at the restart where the bound meets its target, or at the cap", "[unseen_mass]")
{
  conjecture_search_options o;
  o.until_unseen_bound = 0.05;  // 59 restarts
  o.batch = 25;
  search_catalogue catalogue;
  CHECK(extend_conjecture_search(3, 2, o, catalogue, {}) == search_stop::unseen_bound_target);
  CHECK(catalogue.restarts == restarts_for_unseen_bound(0.05));
  CHECK(catalogue.restarts == 59);
  o.restarts = 40;
  search_catalogue capped;
  CHECK(extend_conjecture_search(3, 2, o, capped, {}) == search_stop::restart_cap);
  CHECK(capped.restarts == 40);
  CHECK(capped.unseen_bound() > 0.05);
  // a catalogue already past the stop is refused: its report would give another n
  o.restarts = 30;
  CHECK_THROWS(extend_conjecture_search(3, 2, o, capped, {}));
}

}  // namespace unit_unseen_mass
