// How complete a multi-start search is (docs/mathematics.md §5.2): upper confidence bounds on
// the mass of a basin that n independent restarts did not reach.
//
// The mass of a basin is the probability p that one restart, from the search's random start,
// ends in it. Restarts are independent, so n of them all miss it with probability (1 − p)^n
// exactly. So:
//
// - One basin, named before the search. (1 − p)^n ≤ α exactly when p ≥ β_n = 1 − α^{1/n} =
//   −expm1(ln α / n): a given basin of mass β_n or more is missed with probability at most α.
//   β_n ≤ ln(1/α)/n, the "rule of three" 3/n for α = 0.05 [Hanley and Lippman-Hand 1983]. This
//   is not a statement about whichever basins were missed: with many basins of mass just above
//   β_n, some of them are missed far more often than α.
// - Every basin at once. At most ⌊1/b⌋ basins have mass b or more (the masses add up to at
//   most 1), so the probability that any of them is missed is at most ⌊1/b⌋ (1 − b)^n, a
//   non-increasing function of b (both factors are). The least b (to a relative 1e-12, rounded
//   up) where it is ≤ α is the simultaneous bound: with probability ≥ 1 − α the search has
//   reached every basin of mass ≥ b. This is the statement "the list is complete for basins of
//   mass ≥ b".
//
// Both bounds assume n fixed in advance (or chosen from n alone); a search that stops when its
// catalogue looks complete (the Good–Turing target) chooses n from the data, and then they are
// only approximate.
//
// Neither bound knows how many basins there are, and both hold whatever the masses are; the
// Good–Turing estimate (singletons / n) is a point estimate of the total unseen mass, not a
// bound, and is 0 whenever no basin was seen exactly once — also when a basin of mass near
// 1/n was missed.
//
// These are statistics of restart counts, not of the objective: double is their precision.
//
// Literature (docs/mathematics.md §8): Hanley and Lippman-Hand 1983 (the rule of three).
#pragma once

#include <cmath>
#include <stdexcept>

namespace twolayer {

/// The confidence level the reports state the bounds at.
inline constexpr double coverage_confidence = 0.95;

namespace detail {
inline void check_confidence(double confidence)
{
  if (!(confidence > 0 && confidence < 1))
    throw std::invalid_argument("unseen mass bound: the confidence must lie in (0, 1)");
}
}  // namespace detail

/// β_n = 1 − α^{1/n}, α = 1 − confidence: a basin of mass ≥ β_n is missed by n restarts with
/// probability ≤ α. 1 for n = 0 (nothing is known).
inline double unseen_mass_bound(long restarts, double confidence = coverage_confidence)
{
  detail::check_confidence(confidence);
  if (restarts <= 0)
    return 1.0;
  return -std::expm1(std::log1p(-confidence) / static_cast<double>(restarts));
}

/// The probability ⌊1/b⌋ (1 − b)^n that n restarts miss at least one basin of mass ≥ b, at the
/// worst (as many such basins as fit).
inline double any_basin_missed_bound(double b, long restarts)
{
  if (!(b > 0))
    return 1.0;
  if (b >= 1)
    return 0.0;
  return std::floor(1 / b) * std::exp(static_cast<double>(restarts) * std::log1p(-b));
}

/// The simultaneous bound: the least b (to a relative 1e-12, rounded up) with
/// ⌊1/b⌋ (1 − b)^n ≤ α, so that with probability ≥ confidence every basin of mass ≥ b was reached.
inline double unseen_mass_bound_all(long restarts, double confidence = coverage_confidence)
{
  detail::check_confidence(confidence);
  if (restarts <= 0)
    return 1.0;
  const double alpha = 1 - confidence;
  // the bound for one basin is a lower end (⌊1/b⌋ ≥ 1); 1 is an upper end (nothing is missed)
  double lo = unseen_mass_bound(restarts, confidence), hi = 1.0;
  if (lo > 0.5)  // on (1/2, 1] one basin at most: g(b) = (1 − b)^n, ≤ α exactly from lo on
    return lo;
  while (hi - lo > 1e-12 * hi) {
    const double mid = lo + (hi - lo) / 2;
    (any_basin_missed_bound(mid, restarts) <= alpha ? hi : lo) = mid;
  }
  return hi;
}

/// The fewest restarts n with β_n < target (targets below 1e-15 are refused: n would not fit).
inline long restarts_for_unseen_bound(double target, double confidence = coverage_confidence)
{
  detail::check_confidence(confidence);
  if (!(target >= 1e-15 && target < 1))
    throw std::invalid_argument("unseen mass bound: the target must lie in [1e-15, 1)");
  auto n = static_cast<long>(std::ceil(std::log1p(-confidence) / std::log1p(-target)));
  while (unseen_mass_bound(n, confidence) >= target)
    ++n;
  while (n > 1 && unseen_mass_bound(n - 1, confidence) < target)
    --n;
  return n;
}

}  // namespace twolayer
