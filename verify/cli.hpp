// Command-line parsing shared by the verification executables: `--name value`,
// `--name=value` and bare flags; unknown, duplicate and malformed options are usage
// errors (exit status 2, message on stderr, nothing on stdout).
#pragma once

#include "support/atomic_file.hpp"
#include "twolayer/numeric/errors.hpp"
#include "twolayer/report/table.hpp"
#include "twolayer_build_info.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <thread>
#include <cstdint>
#include <iostream>
#include <optional>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace twolayer::cli {

/// The source version as reports state it: the commit and whether the tree was clean.
inline std::string source_version()
{
  return std::string(build_info::commit) + (build_info::uncommitted_changes ? " (with uncommitted changes)" : " (clean working tree)");
}

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct option {
  std::string name;         // without the leading dashes
  std::string value_name;   // empty for a flag
  std::string default_value;
  std::string help;
};

class parser {
public:
  parser(std::string program, std::string synopsis, std::vector<option> options)
      : program_(std::move(program)), synopsis_(std::move(synopsis)), options_(std::move(options))
  {
    options_.push_back({"help", "", "", "print this help and exit"});
    options_.push_back({"version", "", "", "print the version and exit"});
  }

  /// Parses argv; throws usage_error on any malformed input.
  void parse(int argc, char** argv)
  {
    for (int i = 1; i < argc; ++i) {
      std::string_view arg = argv[i];
      if (arg.size() < 3 || arg.substr(0, 2) != "--")
        throw usage_error("unexpected argument '" + std::string(arg) + "'");
      arg.remove_prefix(2);
      std::string name(arg.substr(0, arg.find('=')));
      const option* spec = find(name);
      if (!spec)
        throw usage_error("unknown option '--" + name + "'");
      if (!seen_.insert(name).second)
        throw usage_error("option '--" + name + "' given more than once");
      const auto equals = arg.find('=');
      if (spec->value_name.empty()) {
        if (equals != std::string_view::npos)
          throw usage_error("option '--" + name + "' takes no value");
        values_[name] = "";
        continue;
      }
      std::string value;
      if (equals != std::string_view::npos)
        value = std::string(arg.substr(equals + 1));
      else if (i + 1 < argc)
        value = argv[++i];
      else
        throw usage_error("option '--" + name + "' needs a value (" + spec->value_name + ")");
      if (value.empty())
        throw usage_error("option '--" + name + "' needs a value (" + spec->value_name + ")");
      values_[name] = value;
    }
  }

  bool has(const std::string& name) const { return values_.count(name) > 0; }

  /// The given value, or the option's default.
  std::string get(const std::string& name) const
  {
    if (auto it = values_.find(name); it != values_.end())
      return it->second;
    const option* spec = find(name);
    return spec ? spec->default_value : std::string();
  }

  std::string help() const
  {
    std::ostringstream out;
    out << "Usage: " << program_ << " [options]\n\n" << synopsis_ << "\n\nOptions:\n";
    for (const auto& o : options_) {
      std::string left = "  --" + o.name + (o.value_name.empty() ? "" : " " + o.value_name);
      out << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << o.help;
      if (!o.default_value.empty())
        out << " (default: " << o.default_value << ")";
      out << "\n";
    }
    return out.str();
  }

private:
  const option* find(const std::string& name) const
  {
    for (const auto& o : options_)
      if (o.name == name)
        return &o;
    return nullptr;
  }

  std::string program_;
  std::string synopsis_;
  std::vector<option> options_;
  std::map<std::string, std::string> values_;
  std::set<std::string> seen_;
};

/// Parses the command line into settings with `read` (which throws usage_error on bad
/// input). Returns the exit status when the program should stop here: 0 after --help or
/// --version, 2 after a usage error (message on stderr, nothing on stdout).
template <class Settings, class Read>
std::optional<int> parse_or_exit(parser& p, int argc, char** argv, const std::string& program,
                                 const std::string& version, Settings& settings, const Read& read)
{
  app::interrupt_cleanup();  // SIGINT/SIGTERM leave no temporaries behind
  try {
    p.parse(argc, argv);
    if (p.has("help")) {
      std::cout << p.help();
      return 0;
    }
    if (p.has("version")) {
      std::cout << program << " " << version << " (source " << build_info::commit
                << (build_info::uncommitted_changes ? ", with uncommitted changes" : "") << ")\n";
      return 0;
    }
    settings = read(p);
    return std::nullopt;
  } catch (const usage_error& e) {
    std::cerr << program << ": error: " << e.what() << "\nTry '" << program << " --help'.\n";
    return 2;
  }
}

/// The main() every executable shares: parse (usage error → 2, --help/--version → 0), run
/// `body` on the settings, and turn its exceptions into exit statuses with one line on
/// stderr — twolayer::bad_input (an unusable file or log) → 2, anything else → 1.
template <class Settings, class Read, class Body>
int run_main(parser& p, int argc, char** argv, const std::string& program, const std::string& version,
             const Read& read, const Body& body)
{
  Settings settings;
  if (const auto status = parse_or_exit(p, argc, argv, program, version, settings, read))
    return *status;
  try {
    return body(settings);
  } catch (const twolayer::bad_input& e) {
    std::cerr << program << ": error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << program << ": error: " << e.what() << "\n";
    return 1;
  }
}

/// A whole decimal integer in [low, high].
inline long long to_integer(const std::string& option, const std::string& text, long long low,
                            long long high)
{
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    throw usage_error("--" + option + ": '" + text + "' is not a whole number");
  if (value < low || value > high)
    throw usage_error("--" + option + ": " + text + " is outside [" + std::to_string(low) + ", " +
                      std::to_string(high) + "]");
  return value;
}

/// Comma-separated items (no empty items).
inline std::vector<std::string> split_list(const std::string& option, const std::string& text)
{
  std::vector<std::string> items;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ','))
    items.push_back(item);
  if (!text.empty() && text.back() == ',')
    items.push_back("");
  for (const auto& i : items)
    if (i.empty())
      throw usage_error("--" + option + ": empty item in list '" + text + "'");
  if (items.empty())
    throw usage_error("--" + option + ": empty list");
  return items;
}

/// An exact decimal number -?digits(.digits)?([eE][+-]?digits)? as a fraction p/q with q a power
/// of ten, so that it can be read into any precision without passing through double.
struct decimal {
  std::string text;
  long long numerator;
  long long denominator;
};

inline decimal to_decimal(const std::string& option, const std::string& text)
{
  std::size_t i = 0;
  const bool negative = !text.empty() && (text[0] == '-' || text[0] == '+');
  if (negative)
    ++i;
  long long numerator = 0;
  long long denominator = 1;
  bool any_digit = false;
  bool after_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == 'e' || c == 'E') && any_digit)
      break;  // the exponent, below
    if (c == '.' && !after_point) {
      after_point = true;
      continue;
    }
    if (c < '0' || c > '9')
      throw usage_error("--" + option + ": '" + text + "' is not a decimal number");
    if (numerator > (std::numeric_limits<long long>::max() - 9) / 10 ||
        denominator > std::numeric_limits<long long>::max() / 10)
      throw usage_error("--" + option + ": '" + text + "' has too many digits (at most 17)");
    numerator = numerator * 10 + (c - '0');
    if (after_point)
      denominator *= 10;
    any_digit = true;
  }
  if (!any_digit)
    throw usage_error("--" + option + ": '" + text + "' is not a decimal number");
  if (i < text.size()) {  // an exponent: scale the numerator or the denominator by 10^|k|, exactly
    ++i;
    const bool negative_exponent = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
      ++i;
    if (i == text.size() || text.size() - i > 2)
      throw usage_error("--" + option + ": '" + text + "' is not a decimal number (an exponent has 1 or 2 digits)");
    int exponent = 0;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9')
        throw usage_error("--" + option + ": '" + text + "' is not a decimal number");
      exponent = exponent * 10 + (text[i] - '0');
    }
    long long& scaled = negative_exponent ? denominator : numerator;
    for (int k = 0; k < exponent; ++k) {
      if (scaled > std::numeric_limits<long long>::max() / 10)
        throw usage_error("--" + option + ": '" + text + "' is out of range");
      scaled *= 10;
    }
  }
  if (text[0] == '-')
    numerator = -numerator;
  return {text, numerator, denominator};
}

// --- the conventions every executable shares (README: "Conventions") -------------------

/// --progress / --quiet: progress on stderr when it is a terminal or --progress is given.
inline bool progress_wanted(const parser& p)
{
  if (p.has("progress") && p.has("quiet"))
    throw usage_error("--progress and --quiet exclude each other");
  return p.has("progress") || (!p.has("quiet") && isatty(STDERR_FILENO));
}

/// --threads T, default all cores.
inline unsigned threads_wanted(const parser& p)
{
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  return p.has("threads") ? static_cast<unsigned>(to_integer("threads", p.get("threads"), 1, 256)) : hardware;
}

/// --format md|csv|json|tex.
inline report::format format_wanted(const parser& p)
{
  const auto f = report::parse_format(p.get("format"));
  if (!f)
    throw usage_error("--format: '" + p.get("format") + "' is not one of md, csv, json, tex");
  return *f;
}

/// The --out directory, created if missing and probed for writing; a usage error (exit
/// status 2) when it cannot be. Call it last in parsing, so that a rejected command line
/// creates nothing.
inline std::filesystem::path output_directory(const std::string& text)
{
  const std::filesystem::path dir(text);
  std::error_code error;
  const bool existed = std::filesystem::exists(dir, error);
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir))
    throw usage_error("--out " + text + ": cannot create the directory" + (error ? " (" + error.message() + ")" : ""));
  const auto probe = dir / ".twolayer-write-probe";
  {
    std::ofstream out(probe);
    out << "probe";
    if (!out) {
      if (!existed)
        std::filesystem::remove(dir, error);
      throw usage_error("--out " + text + ": the directory is not writable");
    }
  }
  std::filesystem::remove(probe, error);
  return dir;
}

}  // namespace twolayer::cli
