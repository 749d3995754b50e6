// The survey twolayer-precision runs (docs/mathematics.md §2–§3): every headline number by every
// route at one precision (at_precision, compiled once per precision in its own unit:
// precision_routes.hpp and precision_at_*.cpp, so that the four passes build in parallel and no
// compiler process holds all four), the enclosures, the certificates, and the judgement of each
// route against the reference. The executable (twolayer_precision.cpp) parses and renders.
#pragma once

#include "twolayer/report/table.hpp"
#include "twolayer/check/route_agreement.hpp"
#include "twolayer/check/second_order.hpp"
#include "twolayer/check/strict_max_certificate.hpp"
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/enclosure.hpp"
#include "twolayer/gaussian/hermite_series.hpp"
#include "twolayer/gaussian/quadrature_kernel.hpp"
#include "twolayer/gaussian/radial_moments.hpp"
#include "twolayer/gaussian/scaling_factor.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/numeric/agreement.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/objective/etf_enclosure.hpp"
#include "twolayer/objective/reduced_hessian.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace twolayer::app::precision {

namespace report = twolayer::report;
namespace mp = boost::multiprecision;
using twolayer::matrix;
using twolayer::vector;

using mpfr200 = mp::number<mp::mpfr_float_backend<200, mp::allocate_stack>, mp::et_off>;
using Reference = mpfr200;
using Interval = twolayer::interval50;

struct settings {
  std::filesystem::path out;
  std::string broken_route;  // test hook: every value of this route is perturbed
  bool quick = false;
  bool progress = false;
  report::format format = report::format::markdown;
  std::vector<std::pair<int, int>> certify;  // (M, d) cases of the certificate; empty: the default grid
};

/// How many digits each route may lose against the reference at the working precision
/// (rounding in its own arithmetic): closed forms and exact recurrences a few, quadrature,
/// linear solves and eigenvalues a few more.
inline int allowed_loss(const std::string& route)
{
  if (route == "closed_form" || route == "recurrence")
    return 3;
  if (route == "hermite_series")
    return 4;
  return 8;  // quadrature, numeric, analytic, dual
}

struct row {
  std::string quantity, activation;
  int M = 0, d = 0;
  std::string rho;
  std::string route;
  int precision = 0;   // decimal digits (16 for double)
  std::string value;   // all the digits the precision carries
  int digits_known = 0;
  int agreeing = 0;
  bool pass = true;
  std::string note;
  bool exact = false;      // an exact rational: no digits to count
  bool reference = false;  // the reference itself: its digits come from another route
};

struct key {
  std::string quantity;
  int M, d;
  std::string rho;
  bool operator<(const key& o) const { return std::tie(quantity, M, d, rho) < std::tie(o.quantity, o.M, o.d, o.rho); }
};

class verification {
public:
  explicit verification(const settings& s) : s_(s) {}

  std::vector<int> dimensions() const
  {
    return s_.quick ? std::vector<int>{2, 3, 4} : std::vector<int>{1, 2, 3, 4, 5, 8, 16, 32, 64};
  }
  int etf_max_d() const { return s_.quick ? 4 : 16; }
  int margin_max_d() const { return s_.quick ? 4 : 8; }
  const std::vector<std::string> rhos{"-1/2", "-1/3", "0", "3/10", "9/10"};

  /// Every route at one precision.
  // Adaptive Gauss–Legendre to 10^(−150) at 200 digits takes minutes per integral: the
  // quadrature routes stop at 100 digits ("where affordable").
  static constexpr int quadrature_max_digits = 100;

  template <class Real>
  void at_precision(int digits);  // precision_routes.hpp, one unit per precision

  /// The margin at the ETF: smallest |λ| beyond the orbit's zero modes, by every route.
  template <class Real>
  void margins(int digits);

  /// The symmetric matrix H with H[ξ, ξ] = f(ξ), from f at e_i and e_i + e_j.
  template <class Real, class F>
  static matrix<Real> polarised(int n, const F& f)
  {
    matrix<Real> H(n, n);
    vector<Real> diagonal(n);
    for (int i = 0; i < n; ++i)
      diagonal(i) = f(vector<Real>(vector<Real>::Unit(n, i)));
    for (int i = 0; i < n; ++i) {
      H(i, i) = diagonal(i);
      for (int j = i + 1; j < n; ++j)
        H(i, j) = H(j, i) = (f(vector<Real>(vector<Real>::Unit(n, i) + vector<Real>::Unit(n, j))) - diagonal(i) -
                             diagonal(j)) / 2;
    }
    return H;
  }

  template <class Real>
  static Real margin_of(const matrix<Real>& H, int orbit)
  {
    using std::abs;
    const Eigen::SelfAdjointEigenSolver<matrix<Real>> solver(H, Eigen::EigenvaluesOnly);
    std::vector<Real> sizes;
    for (Eigen::Index i = 0; i < solver.eigenvalues().size(); ++i)
      sizes.push_back(abs(solver.eigenvalues()(i)));
    std::sort(sizes.begin(), sizes.end());
    return static_cast<std::size_t>(orbit) < sizes.size() ? sizes[static_cast<std::size_t>(orbit)] : Real(0);
  }

  /// Enclosures (MPFI at 50 digits) and the certificates.
  void enclosures()
  {
    for (int d : dimensions()) {
      const Interval c = twolayer::sphere_relu_mean_enclosure<Interval>(static_cast<unsigned>(d));
      add_enclosure("c_d", 0, d, c);
      // E‖w‖ = √(2/d) Γ((d+1)/2)/Γ(d/2) = √(2/d) / (2√π c_d)
      using std::sqrt;
      const Interval pi_value = boost::math::constants::pi<Interval>();
      add_enclosure("E_norm_w", 0, d, Interval(sqrt(Interval(2) / Interval(d)) / (2 * sqrt(pi_value) * c)));
    }
    for (int M = 2; M <= etf_max_d() + 1; ++M) {
      add_enclosure("phi_etf", M, 0, twolayer::simplex_etf_phi_enclosure<Interval>(M));
      for (int d = M - 1; d <= etf_max_d(); ++d)
        add_enclosure("r_etf", M, d, twolayer::relative_loss_enclosure<Interval>(M, static_cast<unsigned>(d)));
    }
    for (const auto& text : rhos) {
      const auto decimal = rational(text);
      add_enclosure("kernel", 0, 0, twolayer::relu_kernel_enclosure<Interval>(decimal.first, decimal.second), text);
    }
    std::vector<std::pair<int, int>> cases = s_.certify;
    if (cases.empty())
      for (int d = 2; d <= margin_max_d(); ++d)
        for (int M = 2; M <= d + 1; ++M)
          cases.push_back({M, d});
    for (const auto& [M, d] : cases) {
        const auto certificate = twolayer::certify_simplex_etf<Interval>(M, d);
        certificates.add_row({std::to_string(M), std::to_string(d),
                              certificate.certified ? "certified" : M == 2 ? "out of scope" : "not certified",
                              certificate.certified ? mp::lower(certificate.margin).str(6, std::ios_base::scientific) : "",
                              certificate.certified ? mp::lower(certificate.shift).str(6, std::ios_base::scientific) : "",
                              certificate.certified ? mp::upper(certificate.basis_defect).str(3, std::ios_base::scientific) : "",
                              std::to_string(certificate.orbit_dim), std::to_string(certificate.dimension),
                              certificate.reason});
        if (M >= 3 && !certificate.certified)
          ++failed;
      }
  }

  /// Exact values where the mathematics gives them: r(2, d) for odd d is a rational
  /// (objective/etf_enclosure.hpp). They become the reference of their quantity.
  void exact_values()
  {
    for (int d = 1; d <= etf_max_d(); ++d) {
      const auto fraction = twolayer::pair_relative_loss_exact(static_cast<unsigned>(d));
      if (!fraction)
        continue;
      stored_row r;
      r.quantity = "r_etf";
      r.M = 2;
      r.d = d;
      r.route = "exact_rational";
      r.precision = 0;
      r.exact = true;
      r.value = fraction->first == 0 ? "0" : std::to_string(fraction->first) + "/" + std::to_string(fraction->second);
      r.note = fraction->first == 0 ? "exactly 0: r(2, d) = 1 - d C(d-1, (d-1)/2)^2 / 16^((d-1)/2)"
                                    : "exact: r(2, d) = 1 - d C(d-1, (d-1)/2)^2 / 16^((d-1)/2)";
      rows.push_back(r);
      exact[{r.quantity, r.M, r.d, r.rho}] = Reference(fraction->first) / Reference(fraction->second);
    }
  }

  /// Fills in agreement with the references and the checks. Digits known always come from
  /// two different routes (or from an exact value, or an enclosure's width): a route's
  /// agreement with the reference; for the reference itself, its best agreement with another
  /// route — never a value compared with itself.
  void judge()
  {
    const twolayer::agreement_policy policy;  // the reference is trusted to its digits less 3
    for (const auto& [k, value] : exact)
      references[k] = {1000, value};
    for (auto& r : rows) {
      if (r.exact)
        continue;
      const auto it = references.find({r.quantity, r.M, r.d, r.rho});
      if (it == references.end())
        continue;
      const twolayer::route_reference<Reference> reference{it->second.second, it->second.first};
      const bool zero = twolayer::reference_is_zero(reference, policy);
      using std::abs;
      using std::log10;
      // r = 1 − 2π d c_d² Φ is a difference of numbers near 1: it loses log10(1/r) digits to
      // cancellation in any route (the MPFI enclosure shows the same)
      const int cancellation =
          r.quantity == "r_etf" && !zero && abs(reference.value) < 1
              ? static_cast<int>(std::ceil(static_cast<double>(-log10(abs(reference.value)))))
              : 0;
      if (r.route == "enclosure") {
        twolayer::route_value<Reference> route;
        route.claim = twolayer::route_claim::enclosure;
        route.precision = r.precision;
        route.lower = r.lower;
        route.upper = r.upper;
        const auto verdict = twolayer::judge_route(route, reference, policy);
        r.pass = verdict.pass;
        r.agreeing = verdict.agreeing_digits;
        const Reference width = r.upper - r.lower;
        const Reference scale = zero ? Reference(1) : Reference(abs(reference.value));
        r.digits_known = width == 0 ? 50 : static_cast<int>(std::floor(static_cast<double>(-log10(width / scale))));
        if (!r.pass)
          r.note = "the enclosure does not contain the reference";
      } else if (!exact.count({r.quantity, r.M, r.d, r.rho}) && r.route == reference_route(r.quantity) &&
                 r.precision == reference.digits) {
        // the reference itself: its digits known from the other routes at any precision
        r.reference = true;
        r.agreeing = -1;
        int best = 0;
        std::string from;
        const twolayer::route_reference<Reference> itself{Reference(r.value), reference.digits};
        for (const auto& o : rows)
          if (&o != &r && o.quantity == r.quantity && o.M == r.M && o.d == r.d && o.rho == r.rho &&
              o.route != r.route && !o.exact) {
            int agree = 0;
            if (o.route == "enclosure")
              agree = o.lower <= itself.value && itself.value <= o.upper ? o.digits_known : 0;
            else
              agree = std::min(o.precision, zero ? twolayer::digits_of_agreement(Reference(o.value), reference, o.precision, policy)
                                                 : twolayer::agreeing_digits(Reference(o.value), itself.value));
            if (agree > best) {
              best = agree;
              from = o.route + " at " + std::to_string(o.precision) + " digits";
            }
          }
        // capped by the reference's own rounding: its stated loss, and for r the digits that
        // cancellation in 1 − 2π d c_d² Φ costs
        r.digits_known = std::min(best, r.precision - r.loss - cancellation);
        r.note = "the reference; digits known from its agreement with " + (from.empty() ? std::string("no other route") : from) +
                 ", at most its precision less " + std::to_string(r.loss + cancellation) + " for rounding" +
                 (zero ? " (absolute: the value is 0 to the reference's digits)" : "");
      } else {
        twolayer::route_value<Reference> route;
        route.claim = twolayer::route_claim::rounding;
        route.precision = r.precision;
        route.value = Reference(r.value);
        route.digits_lost = r.loss;
        route.cancellation = cancellation;
        const auto verdict = twolayer::judge_route(route, reference, policy);
        r.agreeing = verdict.agreeing_digits;
        r.digits_known = std::min(r.agreeing, r.precision);
        if (zero)
          r.note = "absolute digits: the reference is " + std::string(exact.count({r.quantity, r.M, r.d, r.rho}) ? "exactly 0" : "0 to its digits");
        r.pass = verdict.pass;
        if (!r.pass)
          r.note = "agrees to " + std::to_string(r.agreeing) + " digits, expected at least " + std::to_string(verdict.expected_digits);
      }
      if (!r.pass)
        ++failed;
    }
  }

  struct stored_row : row {
    int loss = 0;
    Reference lower = 0, upper = 0;  // the enclosure's end points, exactly
  };
  std::vector<stored_row> rows;
  std::map<key, std::pair<int, Reference>> references;  // (digits, value) of the reference route
  std::map<key, Reference> exact;                         // exact values (rationals)

  static std::string reference_route(const std::string& quantity)
  {
    return quantity == "hessian_margin" ? "analytic" : "closed_form";
  }
  report::table certificates{"Certificate: the simplex ETF is a strict local maximum modulo O(d) (MPFI, 50 digits)",
                             {"M", "d", "result", "margin_lower_bound", "shift_m", "basis_defect_upper", "orbit_dim",
                              "tangent_dim", "reason"},
                             {}};
  int failed = 0;

private:
  static std::pair<long, long> rational(const std::string& text)
  {
    const auto slash = text.find('/');
    if (slash == std::string::npos)
      return {std::stol(text), 1};
    return {std::stol(text.substr(0, slash)), std::stol(text.substr(slash + 1))};
  }

  template <class Real>
  void add(const std::string& quantity, const std::string& activation, int M, int d, const std::string& rho,
           const std::string& route, int digits, Real value, int loss = -1)
  {
    if (route == s_.broken_route)
      value *= 1 + pow(Real(10), -10);  // the test hook: a route that no longer agrees
    stored_row r;
    r.quantity = quantity;
    r.activation = activation;
    r.M = M;
    r.d = d;
    r.rho = rho;
    r.route = route;
    r.precision = digits;
    r.value = to_text(value, digits);
    r.loss = loss >= 0 ? loss : allowed_loss(route);
    rows.push_back(r);
    if (route == reference_route(quantity)) {
      auto& ref = references[{quantity, M, d, rho}];
      if (digits >= ref.first)
        ref = {digits, Reference(value)};
    }
  }

  void add_enclosure(const std::string& quantity, int M, int d, const Interval& x, const std::string& rho = "")
  {
    stored_row r;
    r.quantity = quantity;
    r.activation = quantity == "kernel" ? "relu" : "";
    r.M = M;
    r.d = d;
    r.rho = rho;
    r.route = "enclosure";
    r.precision = 50;
    r.lower = Reference(mp::lower(x));
    r.upper = Reference(mp::upper(x));
    if (s_.broken_route == "enclosure") {  // the test hook: an enclosure moved off its value
      const Reference shift = (abs(r.lower) + abs(r.upper) + 1) * pow(Reference(10), -10);
      r.lower += shift;
      r.upper += shift;
    }
    // outward decimal rounding is not needed for reading: the check uses the exact end points
    r.value = "[" + mp::lower(x).str(55, std::ios_base::scientific) + ", " +
              mp::upper(x).str(55, std::ios_base::scientific) + "]";
    rows.push_back(r);
  }

  template <class Real>
  static std::string to_text(const Real& x, int digits)
  {
    if constexpr (std::is_same_v<Real, double>) {
      char buffer[40];
      std::snprintf(buffer, sizeof buffer, "%.17e", x);
      return buffer;
    } else {
      return x.str(digits + 2, std::ios_base::scientific);
    }
  }

  const settings& s_;
};

}  // namespace twolayer::app::precision
