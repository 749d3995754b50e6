// twolayer-reproduce: the whole evidence in one command. Runs the kernels table, the gap
// report, the ETF conjecture grid and the precision report at their full settings (or
// their quick versions), each writing into --out, and then writes the index
// --out/README.md (with .csv, .json, .tex of its verdict table): every report linked, the
// command and settings of each, the source version, and per (M, d) one verdict on the
// simplex-ETF conjecture (docs/mathematics.md section 3):
//
//   consistent      the best Φ found equals Φ_ETF within its stated error, and the ETF
//                   passed the second-order test (strict local maximum);
//   counterexample  a polished configuration exceeds Φ_ETF by more than its stated error;
//   undecided       anything else, with the reason;
//   no conjecture   M > d+1 (no simplex ETF): the best configuration found instead.
//
// The executables run as child processes found beside this one; their progress goes to
// stderr, their summaries are discarded. No report body holds a time, a host or a path
// outside --out, so two runs give the same bytes.
#include "cli.hpp"

#include "twolayer/numeric/scalar.hpp"
#include "twolayer/study/conjecture_verdict.hpp"
#include "support/atomic_file.hpp"
#include "twolayer/report/table.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

extern char** environ;

namespace {

namespace cli = twolayer::cli;
namespace report = twolayer::report;
namespace app = twolayer::app;
using Real = twolayer::mpfr_dynamic;

constexpr const char* version = "0.1.0";
constexpr const char* program = "twolayer-reproduce";

struct settings {
  std::filesystem::path out;
  bool quick = false;
  unsigned threads = 1;
  bool progress = false;
  report::format format = report::format::markdown;
};

settings parse(const cli::parser& p)
{
  settings s;
  s.quick = p.has("quick");
  s.threads = cli::threads_wanted(p);
  s.progress = cli::progress_wanted(p);
  s.format = cli::format_wanted(p);
  s.out = cli::output_directory(p.get("out"));
  return s;
}

struct step {
  std::string name;                 // report name
  std::string executable;           // program name
  std::vector<std::string> arguments;  // without --out, --threads, --progress/--quiet
  std::vector<std::string> files;   // what it writes (the main ones, for the index)
  std::string what;                 // one line for the index
  std::string subdirectory = "";    // written into --out/subdirectory ("" : --out itself)
  int status = -1;
};

constexpr const char* gap_mean_what =
    "the same gap for targets with a mean (R = |mu|/tau = 1): does the rate in N change?";

constexpr const char* orientation_what =
    "targets with a mean: where the optimum points, whether it is a simplex ETF, and where its pattern changes with R";

std::vector<step> steps(const settings& s)
{
  std::vector<step> list;
  if (s.quick) {
    list.push_back({"kernels", "twolayer-kernels", {"--quick"}, {"kernels.md", "kernels.csv", "kernels.json", "kernels.tex"},
                    "every Gaussian kernel and constant by every route, with the digits each agrees with the closed form"});
    list.push_back({"gap", "twolayer-gap", {"--quick"}, {"gap.md", "gap.csv", "gap.json", "gap.tex", "gap_sup_dev.svg"},
                    "the gap between the finite and the simplified objective against N and d"});
    list.push_back({"etf", "twolayer-etf", {"--quick"}, {"etf.md", "etf.csv", "etf_optima.csv", "etf.json", "etf.tex"},
                    "the simplex-ETF conjecture: exhaustive multi-start search and second-order tests"});
    list.push_back({"precision", "twolayer-precision", {"--quick"}, {"precision.md", "precision.csv", "precision.json", "precision.tex"},
                    "every headline number at 16/50/100/200 digits by every route, enclosures and certificates"});
    list.push_back({"orientation", "twolayer-orientation", {"--quick"},
                    {"orientation.md", "orientation.csv", "orientation_summary.csv", "orientation.json", "orientation.tex"}, orientation_what});
    list.push_back({"gap_mean", "twolayer-gap", {"--quick", "--mean", "1"},
                    {"gap_mean/gap.md", "gap_mean/gap.csv", "gap_mean/gap.json", "gap_mean/gap.tex", "gap_mean/gap_sup_dev.svg"},
                    gap_mean_what, "gap_mean"});
  } else {
    list.push_back({"kernels", "twolayer-kernels", {"--activation", "all"}, {"kernels.md", "kernels.csv", "kernels.json", "kernels.tex"},
                    "every Gaussian kernel and constant by every route, with the digits each agrees with the closed form"});
    list.push_back({"gap", "twolayer-gap", {}, {"gap.md", "gap.csv", "gap.json", "gap.tex", "gap_sup_dev.svg"},
                    "the gap between the finite and the simplified objective against N and d"});
    list.push_back({"etf", "twolayer-etf", {"--grid", "--restarts", "10000", "--restarts-beyond-etf", "40000", "--until-bound", "1e-4",
                                         "--planted-starts", "2000"}, {"etf.md", "etf.csv", "etf_optima.csv", "etf.json", "etf.tex"},
                    "the simplex-ETF conjecture: exhaustive multi-start search and second-order tests"});
    list.push_back({"precision", "twolayer-precision", {}, {"precision.md", "precision.csv", "precision.json", "precision.tex"},
                    "every headline number at 16/50/100/200 digits by every route, enclosures and certificates"});
    list.push_back({"orientation", "twolayer-orientation", {"--d", "2,3,4,8"},
                    {"orientation.md", "orientation.csv", "orientation_summary.csv", "orientation.json", "orientation.tex"}, orientation_what});
    // d ≤ 16 and N ≤ 10⁴, where every column is computed (the full grid's d = 32, 64 and N = 10⁵
    // have the sup-deviation only): about 7 min on 2 cores
    list.push_back({"gap_mean", "twolayer-gap", {"--mean", "1", "--d", "2,4,8,16", "--N", "100,1000,10000"},
                    {"gap_mean/gap.md", "gap_mean/gap.csv", "gap_mean/gap.json", "gap_mean/gap.tex", "gap_mean/gap_sup_dev.svg"},
                    gap_mean_what, "gap_mean"});
  }
  return list;
}

std::string command_text(const step& st, bool with_out)
{
  std::string c = st.executable;
  for (const auto& a : st.arguments)
    c += " " + a;
  if (with_out)
    c += st.subdirectory.empty() ? std::string(" --out reports") : " --out reports/" + st.subdirectory;
  return c;
}

pid_t child = 0;
volatile std::sig_atomic_t interrupted = 0;

void forward(int signal)
{
  interrupted = 1;
  if (child > 0)
    kill(child, signal);
}

/// Runs one step as a child process; stdout to /dev/null, stderr inherited. Its status.
int run(const std::filesystem::path& directory, const settings& s, step& st)
{
  std::vector<std::string> args{(directory / st.executable).string()};
  args.insert(args.end(), st.arguments.begin(), st.arguments.end());
  args.insert(args.end(), {"--out", (st.subdirectory.empty() ? s.out : s.out / st.subdirectory).string(), "--threads",
                           std::to_string(s.threads),
                           s.progress ? "--progress" : "--quiet"});
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0)
    throw std::runtime_error("cannot run " + args[0] + ": " + std::strerror(error));
  child = pid;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      throw std::runtime_error("waiting for " + args[0] + ": " + std::strerror(errno));
  child = 0;
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

// --- reading the reports back --------------------------------------------------------

/// A CSV file as rows of fields (RFC 4180 quoting), the header first.
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path)
{
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path.string());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty())
    rows.back().push_back(field);
  if (rows.back().empty())
    rows.pop_back();
  return rows;
}

struct csv_table {
  std::vector<std::vector<std::string>> rows;
  std::map<std::string, std::size_t> column;
  const std::string& at(std::size_t row, const std::string& name) const
  {
    const auto it = column.find(name);
    if (it == column.end())
      throw std::runtime_error("report has no column '" + name + "'");
    return rows[row].at(it->second);
  }
};

csv_table load(const std::filesystem::path& path)
{
  csv_table t;
  auto all = read_csv(path);
  if (all.empty())
    throw std::runtime_error(path.string() + " is empty");
  for (std::size_t i = 0; i < all[0].size(); ++i)
    t.column[all[0][i]] = i;
  t.rows.assign(all.begin() + 1, all.end());
  return t;
}

struct verdict_row {
  int M = 0, d = 0;
  std::string verdict, phi_best, phi_etf, delta, digits, etf_second_order, certificate, reason;
  std::string restarts, maxima, complete_for, unrecognised, stopped_by;
};

/// The verdict of docs/mathematics.md section 3's conjecture for each (M, d) of etf.csv.
std::vector<verdict_row> verdicts(const std::filesystem::path& out)
{
  const csv_table etf = load(out / "etf.csv");
  std::map<std::pair<int, int>, std::string> certificates;
  if (std::filesystem::exists(out / "precision_certificates.csv")) {
    const csv_table c = load(out / "precision_certificates.csv");
    for (std::size_t r = 0; r < c.rows.size(); ++r)
      certificates[{std::stoi(c.at(r, "M")), std::stoi(c.at(r, "d"))}] =
          c.at(r, "result") + (c.at(r, "margin_lower_bound").empty() ? "" : " (margin >= " + c.at(r, "margin_lower_bound") + ")");
  }
  twolayer::scoped_precision precision(60);
  std::vector<verdict_row> list;
  for (std::size_t r = 0; r < etf.rows.size(); ++r) {
    verdict_row v;
    v.M = std::stoi(etf.at(r, "M"));
    v.d = std::stoi(etf.at(r, "d"));
    v.phi_best = etf.at(r, "phi_best");
    v.phi_etf = etf.at(r, "phi_etf");
    v.delta = etf.at(r, "delta");
    v.digits = etf.at(r, "digits_known");
    v.etf_second_order = etf.at(r, "etf_hessian_verdict");
    v.restarts = etf.at(r, "restarts");
    v.maxima = std::to_string(std::stoi(etf.at(r, "maxima")) + std::stoi(etf.at(r, "degenerate_maxima")));
    v.complete_for = etf.at(r, "unseen_bound_95_all");
    v.unrecognised = etf.at(r, "restarts_unrecognised");
    v.stopped_by = etf.at(r, "stopped_by");
    if (auto it = certificates.find({v.M, v.d}); it != certificates.end())
      v.certificate = it->second;
    twolayer::conjecture_evidence<Real> e;
    e.M = v.M;
    e.d = v.d;
    if (!v.phi_best.empty() && !v.digits.empty()) {
      e.phi_best = Real(v.phi_best);
      e.digits_known = std::stoi(v.digits);
    }
    if (!v.phi_etf.empty())
      e.phi_etf = Real(v.phi_etf);
    e.etf_second_order = v.etf_second_order;
    e.best_degeneracy_note = etf.at(r, "degeneracy_note");
    e.best_structure = etf.at(r, "best_structure");
    e.best_second_order = etf.at(r, "hessian_verdict");
    const auto decision = twolayer::decide_conjecture(e);
    v.verdict = twolayer::to_string(decision.verdict);
    v.reason = decision.reason;
    list.push_back(v);
  }
  return list;
}

report::table verdict_table(const std::vector<verdict_row>& rows)
{
  report::table t{"", {"M", "d", "verdict", "phi_best", "phi_etf", "delta", "digits_known", "second_order_at_etf",
                       "certificate", "maxima", "restarts", "complete for basins of mass >= (95 %)",
                       "restarts_unrecognised", "stopped_by", "reason"}, {}};
  for (const auto& v : rows)
    t.add_row({std::to_string(v.M), std::to_string(v.d), v.verdict, v.phi_best, v.phi_etf, v.delta, v.digits,
               v.etf_second_order, v.certificate, v.maxima, v.restarts, v.complete_for, v.unrecognised, v.stopped_by,
               v.reason});
  return t;
}

std::string status_text(int status)
{
  switch (status) {
  case 0: return "every check held";
  case 1: return "a verification check FAILED (see the report)";
  case 2: return "usage error (a bug in twolayer-reproduce)";
  default: return "interrupted or crashed (status " + std::to_string(status) + ")";
  }
}

/// The orientation study's summary per (M, d), as twolayer-orientation decided and wrote it.
std::string orientation_section(const settings& s)
{
  std::string text = "## Targets with a mean, per (M, d)\n\n";
  const auto path = s.out / "orientation_summary.csv";
  if (!std::filesystem::exists(path))
    return text + "No orientation_summary.csv: the orientation step did not finish.\n\n";
  const auto rows = read_csv(path);
  report::table t{"", {}, {}};
  if (!rows.empty())
    t.columns = rows.front();
  for (std::size_t i = 1; i < rows.size(); ++i)
    t.add_row(rows[i]);
  text += "docs/mathematics.md section 2.1: the first-layer weights have a mean mu (R = |mu|/tau, mu along the all-ones "
          "direction). `shape`: `not_etf` when at every R > 0 of the grid the best optimum found beats the best rotated "
          "simplex ETF found (orientation.md has every case, the command and the grid); the summary names the pattern of "
          "the optimum at each R and the R where it changes, located by bisection.\n\n";
  text += report::to_markdown(t);
  text += "\n";
  return text;
}

std::string index_markdown(const settings& s, const std::vector<step>& list, const std::vector<verdict_row>& rows)
{
  std::ostringstream out;
  std::map<std::string, int> counts;
  for (const auto& v : rows)
    ++counts[v.verdict];
  out << "# twolayer: the reproduced evidence\n\n"
      << "Generated by `twolayer-reproduce" << (s.quick ? " --quick" : "") << " --out reports` (twolayer " << version
      << ") from source commit `" << cli::source_version() << "`. Every file in this folder is the output of that "
      << "one command; the thread count changes no byte, and no report holds a date or a host name. The README at "
         "the top of the repository says how long it took.\n\n"
      << "## The simplex-ETF conjecture, per (M, d)\n\n"
      << "docs/mathematics.md section 3: for M <= d+1 the maximum of Phi(U) = 1'K(U)^-1 1 over (S^{d-1})^M is Phi_ETF(M), "
         "attained only at simplex ETFs. `consistent`: the best Phi found by the search equals Phi_ETF within its "
         "stated error (`digits_known`) and the exact ETF passed the second-order test (strict local maximum); "
         "`counterexample`: a polished configuration exceeds Phi_ETF by more than its stated error; `undecided`: "
         "anything else, with the reason; `no conjecture`: M > d+1, where no simplex ETF exists (the best "
         "configuration found is named instead). `certificate`: the MPFI proof that the ETF is a strict local "
         "maximum modulo O(d) (precision.md). `maxima`: the distinct local maxima the search found (strict, or "
         "degenerate and consistent with one; etf_optima.csv lists them). `complete for basins of mass >= (95 %)`: "
         "how complete that list is (docs/mathematics.md section 5.2). A basin's mass is the chance that one uniform "
         "restart ends at its point; with probability at least 95 % every basin of at least the mass shown was "
         "reached by the `restarts` (the least b with floor(1/b)(1 - b)^restarts <= 0.05; etf.csv also gives the "
         "bound for one basin named in advance, `unseen_bound_95`). The list names the points of those basins "
         "except where `restarts_unrecognised` restarts ended (stalled, diverged, or at a point not classified or "
         "not polished). `stopped_by`: the restart cap, or the target of `--until-bound` (the fewest restarts that "
         "bring the bound for one basin below it; the command of etf.md says which caps and targets this run "
         "used). Planted starts (`--planted-starts`, etf.md) may add maxima to `maxima`; they do not count in "
         "the bounds.\n\n"
      << "Verdicts:";
  for (const auto& [verdict, n] : counts)
    out << " " << n << " `" << verdict << "`;";
  out << "\n\n" << report::to_markdown(verdict_table(rows)) << "\n"
      << "Also as [verdicts.csv](verdicts.csv), [verdicts.json](verdicts.json), [verdicts.tex](verdicts.tex).\n\n"
      << "![Phi_best and Phi_ETF against M](etf_phi.svg)\n\n"
      << "![Hessian spectrum at the simplex ETF](etf_hessian.svg)\n\n"
      << orientation_section(s)
      << "## The reports\n\n";
  report::table t{"", {"report", "what it shows", "command", "status", "files"}, {}};
  for (const auto& st : list) {
    std::string files;
    for (const auto& f : st.files)
      files += (files.empty() ? "" : ", ") + ("[" + f + "](" + f + ")");
    t.add_row({st.name, st.what, "`" + command_text(st, true) + "`", status_text(st.status), files});
  }
  out << report::to_markdown(t) << "\n"
      << "Each report states its own settings in full (its canonical command at the top). The restart logs "
         "`etf_M<M>_d<d>.log` let `twolayer-etf --resume` continue a search; the `.gp` files are the gnuplot "
         "scripts of the plots.\n\n"
      << "## Plots\n\n"
      << "![sup-deviation of the cross term against N](gap_sup_dev.svg)\n\n";
  for (int d = 2; d <= 3; ++d)
    for (const auto& v : rows)
      if (v.d == d && std::filesystem::exists(s.out / ("etf_M" + std::to_string(v.M) + "_d" + std::to_string(d) + ".svg")))
        out << "![best configuration, M = " << v.M << ", d = " << d << "](etf_M" << v.M << "_d" << d << ".svg) ";
  out << "\n";
  // targets with a mean: the cosines with the mean against R, for every (M, d) drawn
  std::string cosines;
  for (int d = 2; d <= 8; ++d)
    for (int M = 2; M <= d + 2; ++M) {
      const std::string name = "orientation_cosines_M" + std::to_string(M) + "_d" + std::to_string(d) + ".svg";
      if (std::filesystem::exists(s.out / name))
        cosines += "![cosines with the mean against R, M = " + std::to_string(M) + ", d = " + std::to_string(d) + "](" +
                   name + ") ";
    }
  if (!cosines.empty())
    out << "\nTargets with a mean: the cosines of the optimal directions with the mean against R = |mu|/tau "
           "(orientation.md has the pictures of the configurations).\n\n"
        << cosines << "\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv)
{
  cli::parser p(
      program,
      "Reproduces the evidence in one command: runs twolayer-kernels (every activation),\n"
      "twolayer-gap (the full grid), twolayer-etf (the grid: 10^4 restarts per case, and for\n"
      "M > d+1 until the 95% bound for one basin, 1 - 0.05^(1/n), is below 1e-4: n = 29956),\n"
      "twolayer-precision, twolayer-orientation (targets with a mean, d = 2, 3, 4, 8) into --out\n"
      "and twolayer-gap --mean 1 (d <= 16, N <= 10^4) into --out/gap_mean, then writes the index\n"
      "README.md with every report linked, the commands, the source version, and one verdict per\n"
      "(M, d) on the simplex-ETF conjecture (also verdicts.csv, .json, .tex). About 80 minutes on\n"
      "2 cores; --quick: two minutes.\n"
      "Exit status: 0 every step held and no counterexample, 1 a step failed or a counterexample\n"
      "was found, 2 usage error.",
      {{"out", "DIR", "reports", "output directory (created if missing)"},
       {"quick", "", "", "the quick version of every step (for the tests)"},
       {"format", "md|csv|json|tex", "md", "format of the verdict table on stdout"},
       {"threads", "T", "all cores", "worker threads of every step (results do not depend on it)"},
       {"progress", "", "", "progress on stderr (default when stderr is a terminal)"},
       {"quiet", "", "", "no progress"}});
  return cli::run_main<settings>(p, argc, argv, program, version, parse, [&](const settings& s) {
    std::signal(SIGINT, forward);
    std::signal(SIGTERM, forward);
    const auto directory = std::filesystem::canonical("/proc/self/exe").parent_path();
    auto list = steps(s);
    const auto start = std::chrono::steady_clock::now();
    bool failed = false;
    for (auto& st : list) {
      if (s.progress)
        std::cerr << program << ": " << command_text(st, false) << "\n";
      const auto begun = std::chrono::steady_clock::now();
      st.status = run(directory, s, st);
      if (interrupted) {
        std::cerr << program << ": interrupted; the reports written so far are whole, the index is not written\n";
        return 130;
      }
      if (s.progress)
        std::cerr << program << ": " << st.name << " took "
                  << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - begun).count()
                  << " s, " << status_text(st.status) << "\n";
      failed = failed || st.status != 0;
    }
    const auto rows = verdicts(s.out);
    const report::table table = verdict_table(rows);
    app::write_files_atomically({{s.out / "README.md", index_markdown(s, list, rows)},
                                    {s.out / "verdicts.csv", report::to_csv(table)},
                                    {s.out / "verdicts.json", report::to_json_rows(table) + "\n"},
                                    {s.out / "verdicts.tex", "% " + std::string(program) + (s.quick ? " --quick" : "") +
                                                                 "\n" + report::to_latex(table)}});
    if (s.progress)
      std::cerr << program << ": done in "
                << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count()
                << " s\n";
    std::cout << report::render(table, s.format);
    for (const auto& v : rows)
      failed = failed || v.verdict == "counterexample";
    return failed ? 1 : 0;
  });
}
