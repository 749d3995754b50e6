// twolayer-kernels: every Gaussian kernel and constant of docs/mathematics.md §2 and §4 by each
// independent route the library has, with the digits the routes agree on.
#include "cli.hpp"

#include "twolayer/check/route_agreement.hpp"
#include "twolayer/model/activation_registry.hpp"
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/enclosure.hpp"
#include "twolayer/gaussian/hermite_series.hpp"
#include "twolayer/gaussian/monte_carlo_kernel.hpp"
#include "twolayer/gaussian/quadrature_kernel.hpp"
#include "twolayer/gaussian/radial_moments.hpp"
#include "twolayer/gaussian/relu_target_moments.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "support/atomic_file.hpp"
#include "twolayer/report/table.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <variant>

namespace {

using Real = twolayer::mpfr_dynamic;
using Interval = twolayer::interval_dynamic;
namespace act = twolayer::activation;
namespace cli = twolayer::cli;
namespace report = twolayer::report;
namespace app = twolayer::app;

constexpr const char* version = "0.1.0";
constexpr int minimum_digits = 16;
constexpr int maximum_digits = 1000;
// A route passes when it agrees with the reference to all but this many digits; the other
// claims (truncation bound, Monte Carlo, enclosure) are judged by check/route_agreement.hpp's
// default policy.
constexpr int digits_allowed_lost = 5;

struct settings {
  std::vector<std::string> activations;
  cli::decimal slope;
  int digits;
  cli::decimal norm_u, norm_v;
  std::vector<cli::decimal> rhos;
  std::vector<unsigned> dimensions;
  std::size_t samples;
  std::uint64_t seed;
  report::format format;
  bool progress;
  bool quick = false;
  std::optional<std::filesystem::path> out;
};

Real exact(const cli::decimal& x) { return Real(x.numerator) / Real(x.denominator); }

std::string show(const Real& x, int digits) { return x.str(digits, std::ios_base::scientific); }

std::string show(double x)
{
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

std::string show_interval(const Interval& x, int digits)
{
  using boost::multiprecision::lower;
  using boost::multiprecision::upper;
  return "[" + lower(x).str(digits, std::ios_base::scientific) + ", " +
         upper(x).str(digits, std::ios_base::scientific) + "]";
}

class verification {
public:
  explicit verification(const settings& s) : s_(s) {}

  report::table kernels{"Kernels K(u, v) = E[σ(<u,x>) σ(<v,x>)]",
                        {"quantity", "activation", "d", "rho", "route", "value", "uncertainty",
                         "agreeing_digits", "check"},
                        {}};
  report::table constants{"Constants of the simplified ReLU target (α = 1, τ = 1)",
                          kernels.columns,
                          {}};
  int held = 0;
  int failed = 0;

  /// The judgement of one route against the reference known to the working digits.
  template <class Number>
  twolayer::route_verdict judge(twolayer::route_claim claim, const Number& value, const Number& reference,
                                const Number& uncertainty = 0, const Interval* enclosure = nullptr)
  {
    const int digits = std::is_same_v<Number, double> ? twolayer::decimal_digits<double>() : s_.digits;
    twolayer::route_value<Number> route;
    route.claim = claim;
    route.precision = digits;
    route.value = value;
    route.uncertainty = uncertainty;
    route.digits_lost = digits_allowed_lost;
    if (enclosure) {
      route.lower = Number(boost::multiprecision::lower(*enclosure));
      route.upper = Number(boost::multiprecision::upper(*enclosure));
    }
    const twolayer::route_reference<Number> known{reference, digits};
    const auto verdict = twolayer::judge_route(route, known, policy_);
    (verdict.pass ? held : failed) += 1;
    return verdict;
  }

  void progress(const std::string& what)
  {
    if (s_.progress)
      std::cerr << "twolayer-kernels: " << what << std::endl;
  }

  template <class Activation, class DoubleActivation>
  void kernel_rows(const Activation& sigma, const DoubleActivation& sigma_double,
                   const twolayer::quadrature_rules<Real>& rules)
  {
    const Real norm_u = exact(s_.norm_u);
    const Real norm_v = exact(s_.norm_v);
    const std::string name = Activation::name();
    for (const auto& rho_text : s_.rhos) {
      progress(name + " at rho = " + rho_text.text);
      const Real rho = exact(rho_text);
      const auto a = twolayer::angle<Real>::from_cosine(rho);
      const Real reference = twolayer::closed_form_kernel(sigma, norm_u, norm_v, a);
      auto row = [&](const std::string& route, const std::string& value, const std::string& uncertainty,
                     const std::string& digits, const std::string& check) {
        kernels.add_row({"kernel", name, "", rho_text.text, route, value, uncertainty, digits, check});
      };
      auto verdict_text = [](const twolayer::route_verdict& v) { return std::string(v.pass ? "pass" : "FAIL"); };
      row("closed_form", show(reference, s_.digits), "", "", "reference");

      const Real by_quadrature = twolayer::quadrature_kernel(sigma, norm_u, norm_v, a, rules);
      const auto quadrature = judge(twolayer::route_claim::rounding, by_quadrature, reference);
      row("quadrature", show(by_quadrature, s_.digits), "", std::to_string(quadrature.agreeing_digits),
          verdict_text(quadrature));

      if constexpr (std::is_same_v<Activation, act::relu>) {
        const auto series = twolayer::arc_cosine_kernel_series(rho);
        const Real scale = norm_u * norm_v / boost::math::constants::two_pi<Real>();
        const Real value = series.value * scale;
        const Real bound = series.truncation_bound * scale;
        const auto hermite = judge(twolayer::route_claim::truncation_bound, value, reference, bound);
        row("hermite_series", show(value, s_.digits), show(bound, 3), std::to_string(hermite.agreeing_digits),
            verdict_text(hermite));

        const Interval enclosure =
            twolayer::relu_kernel_enclosure<Interval>(rho_text.numerator, rho_text.denominator) *
            Interval(norm_u) * Interval(norm_v);
        using boost::multiprecision::width;
        const auto enclosed = judge(twolayer::route_claim::enclosure, Real(0), reference, Real(0), &enclosure);
        row("enclosure", show_interval(enclosure, s_.digits), show(Real(width(enclosure)), 3), "",
            verdict_text(enclosed));
      }

      const auto mc = twolayer::monte_carlo_kernel(
          sigma_double, static_cast<double>(norm_u), static_cast<double>(norm_v),
          static_cast<double>(rho), s_.samples, s_.seed);
      const auto sampled =
          judge(twolayer::route_claim::standard_error, mc.mean, static_cast<double>(reference), mc.standard_error);
      row("monte_carlo", show(mc.mean), show(mc.standard_error), std::to_string(sampled.agreeing_digits),
          verdict_text(sampled));
    }
  }

  void constant_rows(const twolayer::quadrature_rules<Real>& rules)
  {
    const Real alpha = 1;
    const Real norm_v = exact(s_.norm_v);
    for (unsigned d : s_.dimensions) {
      progress("constants at d = " + std::to_string(d));
      const std::string dim = std::to_string(d);
      auto add = [&](const std::string& quantity, const std::string& route, const Real& value,
                     const Real* reference) {
        std::string digits = "", check = "reference";
        if (reference) {
          const auto verdict = judge(twolayer::route_claim::rounding, value, *reference);
          digits = std::to_string(verdict.agreeing_digits);
          check = verdict.pass ? "pass" : "FAIL";
        }
        constants.add_row({quantity, "relu", dim, "", route, show(value, s_.digits), "", digits, check});
      };

      const Real c = twolayer::sphere_relu_mean<Real>(d);
      add("c_d", "closed_form", c, nullptr);
      add("c_d", "recurrence", twolayer::sphere_relu_mean_by_recurrence<Real>(d), &c);
      if (d >= 2)
        add("c_d", "quadrature", twolayer::sphere_relu_mean_by_quadrature<Real>(d, rules), &c);
      const Interval enclosure = twolayer::sphere_relu_mean_enclosure<Interval>(d);
      using boost::multiprecision::width;
      const auto enclosed = judge(twolayer::route_claim::enclosure, Real(0), c, Real(0), &enclosure);
      constants.add_row({"c_d", "relu", dim, "", "enclosure", show_interval(enclosure, s_.digits),
                         show(Real(width(enclosure)), 3), "", enclosed.pass ? "pass" : "FAIL"});

      const Real norm_mean = twolayer::gaussian_norm_mean<Real>(d);
      add("E_norm_w", "closed_form", norm_mean, nullptr);
      add("E_norm_w", "quadrature", twolayer::gaussian_norm_mean_by_quadrature<Real>(d, rules),
          &norm_mean);

      const Real second = twolayer::relu_target_second_moment<Real>(alpha, d);
      add("E_F2", "closed_form", second, nullptr);
      add("E_F2", "quadrature",
          twolayer::relu_target_second_moment_by_quadrature<Real>(alpha, d, rules), &second);
      const Real cross = twolayer::relu_target_cross_moment<Real>(alpha, d, norm_v);
      add("E_F_relu", "closed_form", cross, nullptr);
      add("E_F_relu", "quadrature",
          twolayer::relu_target_cross_moment_by_quadrature<Real>(alpha, d, norm_v, rules), &cross);
      if (d >= 2) {
        const Real kernel_mean = twolayer::sphere_relu_kernel_mean_by_quadrature<Real>(d, rules);
        add("E_F2", "kernel_average", Real(alpha * alpha * kernel_mean), &second);
        add("E_F_relu", "kernel_average", Real(alpha * kernel_mean * norm_v), &cross);
      }
    }
  }

private:
  const settings& s_;
  const twolayer::agreement_policy policy_;
};

settings parse(cli::parser& p)
{
  settings s;
  const std::string activation = p.get("activation");
  s.quick = p.has("quick");
  if (s.quick && p.has("activation"))
    throw cli::usage_error("--quick chooses the activations itself: give --quick or --activation, not both");
  if (s.quick) {
    for (const auto& name : twolayer::activation_names())
      if (name != "erf")  // erf's quadrature is 3 of the 3.5 minutes
        s.activations.push_back(name);
  } else if (activation == "all")
    s.activations = twolayer::activation_names();
  else
    for (const auto& name : cli::split_list("activation", activation)) {
      const auto& known = twolayer::activation_names();
      if (std::find(known.begin(), known.end(), name) == known.end())
        throw cli::usage_error("--activation: unknown activation '" + name + "' (known: " + twolayer::activation_list() +
                               ", all)");
      s.activations.push_back(name);
    }
  s.slope = cli::to_decimal("slope", p.get("slope"));
  s.digits = static_cast<int>(
      cli::to_integer("digits", p.get("digits"), minimum_digits, maximum_digits));
  const auto norms = cli::split_list("norms", p.get("norms"));
  if (norms.size() != 2)
    throw cli::usage_error("--norms: expected two norms 'A,B', got '" + p.get("norms") + "'");
  s.norm_u = cli::to_decimal("norms", norms[0]);
  s.norm_v = cli::to_decimal("norms", norms[1]);
  if (s.norm_u.numerator <= 0 || s.norm_v.numerator <= 0)
    throw cli::usage_error("--norms: norms must be positive");
  for (const auto& item : cli::split_list("rho", p.get("rho"))) {
    const auto rho = cli::to_decimal("rho", item);
    if (rho.numerator > rho.denominator || rho.numerator < -rho.denominator)
      throw cli::usage_error("--rho: cosine " + item + " is outside [-1, 1]");
    s.rhos.push_back(rho);
  }
  for (const auto& item : cli::split_list("d", p.get("d")))
    s.dimensions.push_back(static_cast<unsigned>(cli::to_integer("d", item, 1, 100000)));
  s.samples = static_cast<std::size_t>(
      cli::to_integer("samples", p.get("samples"), 2, 1000000000));
  s.seed = static_cast<std::uint64_t>(
      cli::to_integer("seed", p.get("seed"), 0, std::numeric_limits<long long>::max()));
  s.format = cli::format_wanted(p);
  s.progress = cli::progress_wanted(p);
  cli::threads_wanted(p);  // checked; the table is computed on one thread
  if (p.has("out"))
    s.out = cli::output_directory(p.get("out"));
  return s;
}

/// The command that reproduces the table, with every setting that changes a number.
std::string canonical_command(const settings& s)
{
  auto join = [](std::string& list, const std::string& item) {
    if (!list.empty())
      list += ",";
    list += item;
  };
  std::string activations, rhos, dims;
  for (const auto& a : s.activations)
    join(activations, a);
  for (const auto& r : s.rhos)
    join(rhos, r.text);
  for (unsigned d : s.dimensions)
    join(dims, std::to_string(d));
  return "twolayer-kernels --activation " + activations + " --slope " + s.slope.text + " --digits " +
         std::to_string(s.digits) + " --norms " + s.norm_u.text + "," + s.norm_v.text + " --rho " + rhos + " --d " +
         dims + " --samples " + std::to_string(s.samples) + " --seed " + std::to_string(s.seed);
}

std::string render(const settings& s, const verification& v, report::format format)
{
  std::ostringstream out;
  std::string activations;
  for (const auto& a : s.activations)
    activations += (activations.empty() ? "" : ",") + a;
  switch (format) {
  case report::format::latex:
    out << report::to_latex(v.kernels) << "\\[1ex]\n" << report::to_latex(v.constants);
    break;
  case report::format::csv:
    out << report::to_csv(v.kernels) << report::to_csv_rows(v.constants);
    break;
  case report::format::json:
    out << "{\n  \"program\": \"twolayer-kernels\",\n  \"version\": \"" << version << "\",\n"
        << "  \"activations\": \"" << activations << "\",\n  \"digits\": " << s.digits << ",\n"
        << "  \"norm_u\": " << s.norm_u.text << ",\n  \"norm_v\": " << s.norm_v.text << ",\n"
        << "  \"slope\": " << s.slope.text << ",\n  \"samples\": " << s.samples << ",\n"
        << "  \"seed\": " << s.seed << ",\n  \"checks_held\": " << v.held << ",\n"
        << "  \"checks_failed\": " << v.failed << ",\n"
        << "  \"kernels\": " << report::to_json_rows(v.kernels, "    ") << ",\n"
        << "  \"constants\": " << report::to_json_rows(v.constants, "    ") << "\n}\n";
    break;
  case report::format::markdown: {
    const twolayer::agreement_policy policy;
    out << "# twolayer-kernels\n\n"
        << "Command: `" << canonical_command(s) << "`\n\n"
        << "Activations: " << activations << " (leaky_relu slope " << s.slope.text
        << "); working precision " << s.digits << " significant digits (MPFR); norms ‖u‖ = "
        << s.norm_u.text << ", ‖v‖ = " << s.norm_v.text << "; Monte Carlo in double, "
        << s.samples << " samples, seed " << s.seed << ".\n\n"
        << "`agreeing_digits` counts the significant digits a route shares with the closed form "
           "(`reference`) at the working precision (absolute digits where the closed form is 0 to its "
           "digits). One policy judges every route (check/route_agreement.hpp, the same as "
           "twolayer-precision's): the reference's own error is taken as 10^−(digits − "
        << policy.reference_digits_spare << ")·(1 + |reference|); a route passes when it agrees to all but "
        << digits_allowed_lost << " digits; the Hermite series when it is within its proven "
           "truncation bound (`uncertainty`) plus the reference's error; an MPFI enclosure (rigorous "
           "primitives only) when the closed form lies in it up to the reference's error (`uncertainty` "
           "is the width); Monte Carlo within "
        << policy.standard_errors << " standard errors (`uncertainty`) plus " << policy.absolute_floor << ".\n\n"
        << report::to_markdown(v.kernels) << "\n"
        << report::to_markdown(v.constants) << "\n"
        << "Checks held: " << v.held << " of " << v.held + v.failed << ".\n";
    break;
  }
  }
  return out.str();
}

}  // namespace

int main(int argc, char** argv)
{
  cli::parser p(
      "twolayer-kernels",
      "Prints every Gaussian kernel K(u,v) = E[s(<u,x>) s(<v,x>)], x ~ N(0, I), and every\n"
      "constant of the simplified ReLU target, by each independent route (closed form,\n"
      "quadrature split at the kinks, Hermite series, MPFI enclosure, Monte Carlo), with\n"
      "the number of digits each route agrees with the closed form.\n"
      "Exit status: 0 all checks held, 1 a check failed, 2 usage error.",
      {{"activation", "NAME[,NAME]", "relu",
        "relu, step, abs, leaky_relu, erf, linear, quadratic, or all"},
       {"slope", "S", "0.1", "slope of leaky_relu for negative inputs"},
       {"digits", "N", "50", "working precision in significant digits (16 to 1000)"},
       {"norms", "A,B", "1.25,0.75", "the norms of u and v"},
       {"rho", "LIST", "-1,-0.999999,-0.5,0,0.3,0.9999999,1", "cosines of the angle (u, v)"},
       {"d", "LIST", "2,3,4,8,16,32,64", "dimensions for the constants"},
       {"samples", "N", "1000000", "Monte Carlo samples per kernel value"},
       {"seed", "S", "20221", "Monte Carlo seed"},
       {"quick", "", "", "every activation but erf (whose quadrature is most of the run time)"},
       {"out", "DIR", "", "also write kernels.md, .csv, .json, .tex here (created if missing)"},
       {"threads", "T", "all cores", "accepted for uniformity; the table is computed on one thread"},
       {"format", "md|csv|json|tex", "md", "output format on stdout"},
       {"progress", "", "", "progress on stderr (default when stderr is a terminal)"},
       {"quiet", "", "", "no progress"}});
  return cli::run_main<settings>(p, argc, argv, "twolayer-kernels", version, parse, [&](const settings& s) {
    // One precision for the whole process: quadrature nodes are tabulated at it.
    twolayer::scoped_precision precision(static_cast<unsigned>(s.digits));
    const twolayer::quadrature_rules<Real> rules;
    verification v(s);
    const Real slope = exact(s.slope);
    for (const auto& name : s.activations)
      twolayer::visit_activation(name, slope, [&](const auto& sigma, const auto& sigma_double) {
        v.kernel_rows(sigma, sigma_double, rules);
      });
    v.constant_rows(rules);
    if (s.out)
      app::write_files_atomically({{*s.out / "kernels.md", render(s, v, report::format::markdown)},
                                      {*s.out / "kernels.csv", render(s, v, report::format::csv)},
                                      {*s.out / "kernels.json", render(s, v, report::format::json)},
                                      {*s.out / "kernels.tex", render(s, v, report::format::latex)}});
    std::cout << render(s, v, s.format);
    return v.failed == 0 ? 0 : 1;
  });
}
