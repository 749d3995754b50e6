// twolayer-precision: every headline number of docs/mathematics.md §2–§3 in double and at 50, 100
// and 200 digits, by every independent route the library has for it, with the digits each
// agrees with the reference (the closed form — for the Hessian margin the analytic Hessian —
// at the highest precision computed), MPFI enclosures where they exist, and the
// certificate that the simplex ETF is a strict local maximum.
#include "cli.hpp"

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
#include "support/atomic_file.hpp"
#include "twolayer/report/table.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace {

namespace cli = twolayer::cli;
namespace report = twolayer::report;
namespace app = twolayer::app;
namespace mp = boost::multiprecision;
using twolayer::matrix;
using twolayer::vector;

constexpr const char* version = "0.1.0";
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

/// The command that reproduces the report.
std::string canonical_command(const settings& s)
{
  std::string c = "twolayer-precision";
  if (s.quick)
    c += " --quick";
  if (!s.certify.empty()) {
    std::set<int> Ms, ds;
    for (const auto& [M, d] : s.certify) {
      Ms.insert(M);
      ds.insert(d);
    }
    auto join = [](const std::set<int>& items) {
      std::string list;
      for (int i : items) {
        if (!list.empty())
          list += ",";
        list += std::to_string(i);
      }
      return list;
    };
    c += " --M " + join(Ms) + " --d " + join(ds);
  }
  return c;
}

settings parse(const cli::parser& p)
{
  settings s;
  s.out = p.get("out");
  s.quick = p.has("quick");
  if (p.has("break-route"))
    s.broken_route = p.get("break-route");
  s.progress = cli::progress_wanted(p);
  s.format = cli::format_wanted(p);
  cli::threads_wanted(p);  // checked; the report is computed on one thread
  if (p.has("M") != p.has("d"))
    throw cli::usage_error("--M and --d go together (the cases of the certificate)");
  if (p.has("M")) {
    for (const auto& d_text : cli::split_list("d", p.get("d"))) {
      const int d = static_cast<int>(cli::to_integer("d", d_text, 2, 1000000));
      for (const auto& M_text : cli::split_list("M", p.get("M"))) {
        const int M = static_cast<int>(cli::to_integer("M", M_text, 2, 1000000));
        if (M > d + 1)
          throw cli::usage_error("--M " + M_text + " --d " + d_text + ": the certificate is about the simplex ETF, "
                                 "which exists only for M <= d+1");
        // Resource bound: an interval Hessian of size M(d−1) and its Cholesky, O((Md)³);
        // (9, 8) takes 0.4 s, so M·d = 400 takes about a minute and more is refused.
        if (static_cast<long>(M) * d > 400)
          throw cli::usage_error("--M " + M_text + " --d " + d_text + ": the certificate needs an interval Hessian of size " +
                                 std::to_string(M * (d - 1)) + " (about " +
                                 std::to_string(static_cast<long>(0.43 * std::pow(M * (d - 1) / 56.0, 3))) +
                                 " s): refused above M*d = 400");
        s.certify.push_back({M, d});
      }
    }
  }
  s.out = cli::output_directory(p.get("out"));
  return s;
}

/// How many digits each route may lose against the reference at the working precision
/// (rounding in its own arithmetic): closed forms and exact recurrences a few, quadrature,
/// linear solves and eigenvalues a few more.
int allowed_loss(const std::string& route)
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
  void at_precision(int digits)
  {
    const bool quadrature = digits <= quadrature_max_digits;
    const twolayer::quadrature_rules<Real> rules;
    for (int d : dimensions()) {
      const auto du = static_cast<unsigned>(d);
      add<Real>("c_d", "", 0, d, "", "closed_form", digits, twolayer::sphere_relu_mean<Real>(du));
      add<Real>("c_d", "", 0, d, "", "recurrence", digits, twolayer::sphere_relu_mean_by_recurrence<Real>(du));
      if (d >= 2 && quadrature)
        add<Real>("c_d", "", 0, d, "", "quadrature", digits, twolayer::sphere_relu_mean_by_quadrature<Real>(du, rules));
      add<Real>("E_norm_w", "", 0, d, "", "closed_form", digits, twolayer::gaussian_norm_mean<Real>(du));
      if (!quadrature)
        continue;
      add<Real>("E_norm_w", "", 0, d, "", "quadrature", digits, twolayer::gaussian_norm_mean_by_quadrature<Real>(du, rules));
      // the Laplace identity gives E‖ξ‖ for ξ ~ N(0, I_d); w = ξ/√d
      add<Real>("E_norm_w", "", 0, d, "", "laplace_quadrature", digits,
                Real(twolayer::gaussian_norm_mean_by_laplace_quadrature<Real>(du, rules) / sqrt(Real(d))));
    }
    for (int M = 2; M <= etf_max_d() + 1; ++M) {
      const Real k = twolayer::arc_cosine_kernel(Real(Real(-1) / (M - 1)));
      const Real phi_closed = twolayer::simplex_etf_phi<Real>(M);
      add<Real>("phi_etf", "", M, 0, "", "closed_form", digits, phi_closed);
      if (M >= 3) {  // at ρ = −1 (M = 2) the series converges only algebraically
        const Real k_series = twolayer::arc_cosine_kernel_series(Real(Real(-1) / (M - 1))).value;
        add<Real>("phi_etf", "", M, 0, "", "hermite_series", digits,
                  Real(M / (boost::math::constants::pi<Real>() + (M - 1) * k_series)));
      }
      const Real tolerance = pow(Real(10), -(digits / 2));
      const Real phi_numeric = twolayer::reduced_objective(twolayer::simplex_etf<Real>(M, M - 1, 11), tolerance).value;
      add<Real>("phi_etf", "", M, 0, "", "numeric", digits, phi_numeric);
      for (int d = M - 1; d <= etf_max_d(); ++d) {
        const Real c = twolayer::sphere_relu_mean<Real>(static_cast<unsigned>(d));
        const Real factor = 2 * boost::math::constants::pi<Real>() * d * c * c;
        add<Real>("r_etf", "", M, d, "", "closed_form", digits, Real(1 - factor * phi_closed));
        const Real c_recurrence = twolayer::sphere_relu_mean_by_recurrence<Real>(static_cast<unsigned>(d));
        const auto value = twolayer::reduced_objective(twolayer::simplex_etf<Real>(M, d, 17), tolerance);
        add<Real>("r_etf", "", M, d, "", "numeric", digits,
                  Real(1 - 2 * boost::math::constants::pi<Real>() * d * c_recurrence * c_recurrence * value.value));
        // s* = 2π α d c_d² K̂⁻¹1 at α = 1: closed form 2π d c_d² / (π + (M−1) k), and the solve
        add<Real>("s_star", "", M, d, "", "closed_form", digits,
                  Real(factor / (boost::math::constants::pi<Real>() + (M - 1) * k)));
        add<Real>("s_star", "", M, d, "", "numeric", digits, Real(factor * value.scales(0)));
      }
    }
    margins<Real>(digits);
    for (const auto& text : rhos) {
      const auto decimal = rational(text);
      const Real rho = Real(decimal.first) / Real(decimal.second);
      const auto a = twolayer::angle<Real>::from_cosine(rho);
      const Real closed = twolayer::closed_form_kernel(twolayer::activation::relu{}, Real(1), Real(1), a);
      add<Real>("kernel", "relu", 0, 0, text, "closed_form", digits, closed);
      if (quadrature)
        add<Real>("kernel", "relu", 0, 0, text, "quadrature", digits,
                  twolayer::quadrature_kernel(twolayer::activation::relu{}, Real(1), Real(1), a, rules));
      add<Real>("kernel", "relu", 0, 0, text, "hermite_series", digits,
                Real(twolayer::arc_cosine_kernel_series(rho).value / (2 * boost::math::constants::pi<Real>())));
    }
  }

  /// The margin at the ETF: smallest |λ| beyond the orbit's zero modes, from the analytic
  /// Hessian, from dual numbers (second derivatives along directions, polarised), and from
  /// second differences while M(d−1) ≤ 30.
  template <class Real>
  void margins(int digits)
  {
    for (int d = 2; d <= margin_max_d(); ++d) {
      if (digits > 100 && d > 4)
        continue;
      for (int M = 3; M <= d + 1; ++M) {
        const matrix<Real> U = twolayer::simplex_etf<Real>(M, d);
        const Real tolerance = pow(Real(10), -(digits / 2));
        const int orbit = twolayer::orbit_dimension(d, M - 1);
        add<Real>("hessian_margin", "", M, d, "", "analytic", digits,
                  margin_of(matrix<Real>(twolayer::reduced_objective_hessian(U, tolerance)), orbit));
        const int n = M * (d - 1);
        const matrix<Real> T = twolayer::sphere_product::tangent_bases(U);
        using D2 = twolayer::dual<twolayer::dual<Real>>;
        auto along_dual = [&](const vector<Real>& xi) {
          const vector<Real> ambient = T * xi;
          const D2 t(twolayer::dual<Real>(Real(0), Real(1)), twolayer::dual<Real>(Real(1), Real(0)));
          matrix<D2> moved(d, M);
          for (int j = 0; j < M; ++j) {
            vector<D2> column(d);
            for (int i = 0; i < d; ++i)
              column(i) = D2(U(i, j)) + t * D2(ambient(j * d + i));
            moved.col(j) = column / column.norm();
          }
          return Real(twolayer::reduced_objective(moved, D2(tolerance)).value.derivative.derivative);
        };
        add<Real>("hessian_margin", "", M, d, "", "dual", digits, margin_of(polarised<Real>(n, along_dual), orbit));
        if (n <= 30) {
          const Real h = pow(Real(10), -(digits / 4));
          const Real phi0 = twolayer::reduced_objective(U, tolerance).value;
          auto along_differences = [&](const vector<Real>& xi) {
            const vector<Real> ambient = T * xi;
            auto at = [&](const Real& t) {
              matrix<Real> moved = U;
              for (int j = 0; j < M; ++j) {
                moved.col(j) += t * ambient.segment(j * d, d);
                moved.col(j).normalize();
              }
              return twolayer::reduced_objective(moved, tolerance).value;
            };
            return Real((at(h) - 2 * phi0 + at(Real(-h))) / (h * h));
          };
          add<Real>("hessian_margin", "", M, d, "", "finite_differences", digits,
                    // second differences with h = 10^(−p/4): truncation h² and rounding ε/h²
                    // are both 10^(−p/2), so about half the digits
                    margin_of(polarised<Real>(n, along_differences), orbit), digits / 2 + 4);
        }
      }
    }
  }

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

}  // namespace

namespace {

report::table rows_table(const verification& v)
{
  report::table t{"", {"quantity", "activation", "M", "d", "rho", "route", "precision_digits", "value", "digits_known",
                       "agreeing_digits", "check", "note"},
                  {}};
  for (const auto& r : v.rows)
    t.add_row({r.quantity, r.activation, r.M ? std::to_string(r.M) : "", r.d ? std::to_string(r.d) : "", r.rho, r.route,
               r.exact ? "exact" : std::to_string(r.precision), r.value, r.exact ? "exact" : std::to_string(r.digits_known),
               r.exact ? "" : r.reference ? "reference" : std::to_string(r.agreeing), r.pass ? "pass" : "FAIL", r.note});
  return t;
}

// Per quantity, route and precision: how many numbers, the fewest digits agreed, failures.
report::table summary_table(const verification& v)
{
  struct cell {
    int count = 0, fewest = 1000, failed = 0;
  };
  std::map<std::tuple<std::string, std::string, int>, cell> cells;
  std::vector<std::tuple<std::string, std::string, int>> order;
  for (const auto& r : v.rows) {
    const auto k = std::make_tuple(r.quantity, r.route, r.precision);
    if (!cells.count(k))
      order.push_back(k);
    auto& c = cells[k];
    ++c.count;
    c.fewest = std::min(c.fewest, r.exact ? 1000 : r.route == "enclosure" || r.reference ? r.digits_known : r.agreeing);
    c.failed += !r.pass;
  }
  report::table t{"Summary: fewest digits known — a route's agreement with the reference; the reference's own "
                  "digits from its closest other route, never from itself; enclosures: the digits their width carries",
                  {"quantity", "route", "precision_digits", "numbers", "fewest_digits", "failed"},
                  {}};
  for (const auto& k : order) {
    const auto& c = cells[k];
    const bool exact_route = std::get<1>(k) == "exact_rational";
    t.add_row({std::get<0>(k), std::get<1>(k), exact_route ? "exact" : std::to_string(std::get<2>(k)),
               std::to_string(c.count), exact_route ? "exact" : std::to_string(c.fewest), std::to_string(c.failed)});
  }
  return t;
}

std::string markdown(const settings& s, const verification& v)
{
  std::ostringstream out;
  out << "# Precision of every headline number\n\nProduced by `twolayer-precision" << (s.quick ? " --quick" : "")
      << "` (twolayer-precision " << version << "). Each number is computed in double and at 50, 100 and 200 digits "
      << "(MPFR) by every route the library has for it, and compared with the reference: the closed form — for the "
         "Hessian margin the analytic Hessian — at the highest precision computed. A route passes when it agrees to "
         "all but a stated number of digits of the lower of its precision and the reference's (3 for closed forms "
         "and exact recurrences, 4 for the Hermite series, 8 for quadratures, solves and eigenvalues; second "
         "differences about half the digits); an MPFI enclosure (rigorous primitives only) passes when it contains "
         "the reference. Every number with all its digits is in `precision.csv`.\n\n"
      << "Quantities: `c_d` = E relu(u₁) on S^{d−1}; `E_norm_w` = E‖w‖ for the gaussian law (τ = 1); `phi_etf` = "
         "Φ_ETF(M); `r_etf` = 1 − 2π d c_d² Φ_ETF(M); `s_star` = the optimal scale at the ETF (α = 1); "
         "`hessian_margin` = the smallest |λ| of the Riemannian Hessian of Φ at the ETF beyond the orbit's zero modes; "
         "`kernel` = the ReLU kernel of unit vectors at ρ.\n\n";
  out << report::to_markdown(summary_table(v)) << "\n";
  out << report::to_markdown(v.certificates) << "\n";
  out << "How the certificate argues (check/strict_max_certificate.hpp): (1) the simplex ETF is critical by symmetry "
         "(y constant, Σ u_k = 0; docs/mathematics.md §3), not by an enclosure of the gradient; (2) the ETF is enclosed by the "
         "Helmert construction in MPFI, and every term of the Hessian formula by MPFI's rigorous + − × ÷, sqrt, acos "
         "and π, K̂⁻¹ by an interval Cholesky solve; (3) in a tangent basis made exact by projecting a floating basis "
         "onto u_j^⊥ in intervals, and shown to be a basis (‖TᵀT − I‖_∞ < 1), the Hessian is enclosed in an interval matrix [H]; (4) with Q the floating "
         "eigenvectors of mid[H], QᵀQ is shown nonsingular, so by Sylvester's law of inertia Qᵀ(H + mI)Q has as many "
         "negative eigenvalues as H + mI, for every H in [H]; (5) Gershgorin discs prove that all but orbit-dimension "
         "of them are negative; (6) the orbit's tangent space, of exact dimension d(d−1)/2 − (d−r)(d−r−1)/2, lies in "
         "the kernel at a critical point of an O(d)-invariant function. Hence every other eigenvalue of [H] is at most "
         "−m: a strict local maximum modulo O(d), the conclusion the certificate claims. (7) The size of the margin: "
         "the shift m (`shift_m`) is chosen as half the smallest non-orbit |λ| of mid[H], so it is half the "
         "`hessian_margin` above by construction, not an independent finding; and [H] is the Hessian in the basis T, "
         "proven only to satisfy ‖TᵀT − I‖_∞ ≤ δ (`basis_defect_upper`), so by Ostrowski's theorem the eigenvalues in "
         "an orthonormal basis are at most −m/(1 + δ): `margin_lower_bound` is that bound. Assumed: the correctness of MPFI and MPFR, of the Hessian formula (verified against "
         "dual numbers and second differences above), and the symmetry argument of (1).\n\n";
  int failures = 0;
  for (const auto& r : v.rows)
    failures += !r.pass;
  out << "Checks failed: " << v.failed << " (" << failures << " of " << v.rows.size() << " numbers).\n";
  if (failures > 0) {
    report::table bad{"Failed checks", {"quantity", "M", "d", "rho", "route", "precision_digits", "note"}, {}};
    for (const auto& r : v.rows)
      if (!r.pass)
        bad.add_row({r.quantity, std::to_string(r.M), std::to_string(r.d), r.rho, r.route, std::to_string(r.precision),
                     r.note});
    out << "\n" << report::to_markdown(bad);
  }
  return out.str();
}

}  // namespace

int main(int argc, char** argv)
{
  cli::parser p("twolayer-precision",
                "Computes every headline number (c_d, E||w||, Phi_ETF, r, s*, the Hessian margin at the ETF,\n"
                "ReLU kernel values) in double and at 50, 100 and 200 digits by every route, with the digits\n"
                "each agrees with the reference, MPFI enclosures, and the certificate that the simplex ETF is\n"
                "a strict local maximum. Writes precision.md, .csv, .json, .tex and precision_certificates.csv\n"
                "into --out.\n"
                "Exit status: 0 every check held, 1 a check failed (the reports are still written), 2 usage error.",
                {{"out", "DIR", "reports", "output directory (created if missing)"},
                 {"quick", "", "", "d <= 4 only (for the tests)"},
                 {"M", "LIST", "", "with --d: the (M, d) cases of the certificate (M <= d+1; default every\n"
                  "                          3 <= M <= d+1 <= 9, or d <= 4 with --quick)"},
                 {"d", "LIST", "", "with --M: see --M"},
                 {"format", "md|csv|json|tex", "md", "format of the summary on stdout"},
                 {"threads", "T", "all cores", "accepted for uniformity; the report is computed on one thread"},
                 {"break-route", "ROUTE", "", "test hook: perturb every value of ROUTE by 1e-10 (relative)"},
                 {"progress", "", "", "progress on stderr (default when stderr is a terminal)"},
                 {"quiet", "", "", "no progress"}});
  return cli::run_main<settings>(p, argc, argv, "twolayer-precision", version, parse, [&](const settings& s) {
    verification v(s);
    auto log = [&](const char* what) {
      if (s.progress)
        std::cerr << "twolayer-precision: " << what << std::endl;
    };
    v.at_precision<double>(16);
    log("double done");
    v.at_precision<twolayer::mpfr50>(50);
    log("50 digits done");
    v.at_precision<twolayer::mpfr100>(100);
    log("100 digits done");
    v.at_precision<mpfr200>(200);
    log("200 digits done");
    v.enclosures();
    log("enclosures and certificates done");
    v.exact_values();
    v.judge();
    const report::table rows = rows_table(v);
    std::ostringstream json;
    json << "{\n  \"command\": " << report::detail::json_string(canonical_command(s))
         << ",\n  \"checks_failed\": " << v.failed << ",\n  \"summary\": " << report::to_json_rows(summary_table(v), "    ")
         << ",\n  \"certificates\": " << report::to_json_rows(v.certificates, "    ")
         << ",\n  \"rows\": " << report::to_json_rows(rows, "    ") << "\n}\n";
    app::write_files_atomically({{s.out / "precision.csv", report::to_csv(rows)},
                                    {s.out / "precision_certificates.csv", report::to_csv(v.certificates)},
                                    {s.out / "precision.md", markdown(s, v)},
                                    {s.out / "precision.json", json.str()},
                                    {s.out / "precision.tex", "% " + canonical_command(s) + "\n\n" +
                                                                  report::to_latex(summary_table(v)) + "\n" +
                                                                  report::to_latex(v.certificates) + "\n" +
                                                                  report::to_latex(rows)}});
    std::cout << report::render(summary_table(v), s.format) << (s.format == report::format::markdown ? "\n" : "")
              << report::render(v.certificates, s.format);
    return v.failed == 0 ? 0 : 1;
  });
}
