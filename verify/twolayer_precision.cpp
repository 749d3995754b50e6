// twolayer-precision: every headline number of docs/mathematics.md §2–§3 in double and at 50, 100
// and 200 digits, by every independent route the library has for it, with the digits each
// agrees with the reference (the closed form — for the Hessian margin the analytic Hessian —
// at the highest precision computed), MPFI enclosures where they exist, and the
// certificate that the simplex ETF is a strict local maximum.
#include "cli.hpp"
#include "precision_survey.hpp"

#include "support/atomic_file.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace {

namespace cli = twolayer::cli;
namespace app = twolayer::app;
using namespace twolayer::app::precision;

constexpr const char* version = "0.1.0";

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
