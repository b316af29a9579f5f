#pragma once
/// @file
/// The sweep file: `key = value` lines, as scenario files are (docs/scale-out.md lists every
/// key). Blank lines and lines starting with `#` are skipped.
/// @code
///   seed = 7
///   replicates = 4
///   years = 2
///   scale = 0.01
///   figures = cla_count, siblings_apart_share
///   scenario = kinship.txt                      # optional, repeatable; relative to this file
///   vary sw_turnover_factor = 0.5 .. 1.5 / 3    # a range: 3 values, ends included
///   vary siblings = current_practice, together_unless_reason
/// @endcode
/// Errors name the file, line, column, key and value; a scenario file's error names that file.
#include "carepath/core/result.hpp"
#include "carepath/sim/scenario.hpp"
#include "carepath/sim/sweep.hpp"

#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::sim {

/// Reads a scenario file named in a sweep file (the name as written there).
using scenario_loader = std::function<result<scenario>(const std::string& name)>;

/// A loader that opens scenario files relative to `folder`.
[[nodiscard]] inline scenario_loader scenario_files_in(std::filesystem::path folder) {
    return [folder = std::move(folder)](const std::string& name) -> result<scenario> {
        const auto path = folder / name;
        std::ifstream in{path};
        if (!in)
            return diagnostic{.file = path.string(), .message = "cannot open the scenario file"};
        return read_scenario(in, path.string());
    };
}

/// Every key a sweep file may set (`vary KEY` aside).
inline constexpr std::array<std::string_view, 11> sweep_keys{
    "seed",   "replicates", "years",   "warmup_years", "scale",   "authorities",
    "design", "samples",    "figures", "baseline",     "scenario"};

namespace detail {
template <class T>
std::optional<T> parse_whole(std::string_view s, T low, T high) noexcept {
    T v{};
    const auto* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc{} || p != end || v < low || v > high)
        return std::nullopt;
    return v;
}
inline std::vector<std::string_view> split_list(std::string_view s) {
    std::vector<std::string_view> out;
    while (true) {
        const auto comma = s.find(',');
        out.push_back(trim(s.substr(0, comma)));
        if (comma == std::string_view::npos)
            return out;
        s.remove_prefix(comma + 1);
    }
}
inline bool numeric_scenario_key(std::string_view key) noexcept {
    return key == "sw_turnover_factor" || key == "carer_recruitment_factor"
           || key == "share_inside_home_authority";
}
} // namespace detail

/// Reads a sweep from `in`. Scenario files are read with `load` (by default, relative to the
/// folder of `file_name`). Every value is checked, and the points are expanded once, so a
/// sweep that reads also runs.
[[nodiscard]] inline result<sweep_spec> read_sweep(std::istream& in, std::string_view file_name,
                                                   scenario_loader load = {}) {
    if (!load)
        load = scenario_files_in(std::filesystem::path{file_name}.parent_path());
    sweep_spec spec;
    std::string line;
    std::size_t line_no = 0;
    std::array<std::size_t, sweep_keys.size()> seen{};
    std::size_t samples_line = 0;
    while (std::getline(in, line)) {
        ++line_no;
        const std::string_view text = detail::trim(line);
        if (text.empty() || text.front() == '#')
            continue;
        const std::size_t indent = static_cast<std::size_t>(text.data() - line.data());
        const auto eq = text.find('=');
        if (eq == std::string_view::npos)
            return diagnostic{.file = std::string{file_name},
                              .line = line_no,
                              .column = indent + 1,
                              .value = std::string{text},
                              .message = "expected key = value"};
        const auto key = detail::trim(text.substr(0, eq));
        const auto raw = text.substr(eq + 1);
        const auto value = detail::trim(raw);
        const std::size_t value_column =
            indent + eq + 2 + static_cast<std::size_t>(value.data() - raw.data());
        auto fail = [&](std::string message, bool at_key = false) {
            return diagnostic{.file = std::string{file_name},
                              .line = line_no,
                              .column = at_key ? indent + 1 : value_column,
                              .field = std::string{key},
                              .value = std::string{value},
                              .message = std::move(message)};
        };

        if (key.starts_with("vary ") || key.starts_with("vary\t")) {
            sweep_parameter p;
            p.key = std::string{detail::trim(key.substr(4))};
            p.line = line_no;
            if (p.key == "name" || std::ranges::find(scenario_keys, p.key) == scenario_keys.end())
                return fail("a sweep varies a scenario key other than name", true);
            for (const auto& q : spec.parameters)
                if (q.key == p.key)
                    return fail("this key is already varied", true);
            scenario probe;
            if (const auto dots = value.find(".."); dots != std::string_view::npos) {
                if (!detail::numeric_scenario_key(p.key))
                    return fail("a range needs a numeric key; list the values instead");
                auto rest = value.substr(dots + 2);
                const auto slash = rest.find('/');
                const auto lo = detail::parse_number(detail::trim(value.substr(0, dots)));
                const auto hi = detail::parse_number(detail::trim(rest.substr(0, slash)));
                if (!lo || !hi || !(*lo <= *hi))
                    return fail("expected a range LOW .. HIGH (LOW <= HIGH), with / N for a grid");
                for (const double v : {*lo, *hi})
                    if (auto r = set_scenario_key(probe, p.key, detail::sweep_number(v)); !r)
                        return fail(r.error().message);
                p.low = *lo;
                p.high = *hi;
                if (slash != std::string_view::npos) {
                    const auto n = detail::parse_whole<std::size_t>(
                        detail::trim(rest.substr(slash + 1)), 1, max_sweep_points);
                    if (!n)
                        return fail("the number of values after / must be a whole number from 1 "
                                    "to "
                                    + std::to_string(max_sweep_points));
                    p.steps = *n;
                }
            } else {
                for (const auto v : detail::split_list(value)) {
                    if (auto r = set_scenario_key(probe, p.key, v); !r)
                        return fail(r.error().message + " (value \"" + std::string{v} + "\")");
                    if (std::ranges::find(p.values, v) != p.values.end())
                        return fail("value \"" + std::string{v} + "\" listed twice");
                    p.values.emplace_back(v);
                }
            }
            spec.parameters.push_back(std::move(p));
            continue;
        }

        const auto known = std::ranges::find(sweep_keys, key);
        if (known == sweep_keys.end()) {
            std::string names;
            for (auto k : sweep_keys)
                names += (names.empty() ? "" : ", ") + std::string{k};
            return fail("unknown sweep key (known keys: " + names + ", vary KEY)", true);
        }
        auto& first_seen = seen[static_cast<std::size_t>(known - sweep_keys.begin())];
        if (first_seen != 0 && key != "scenario")
            return fail("key given twice (first on line " + std::to_string(first_seen) + ")", true);
        first_seen = line_no;

        if (key == "seed") {
            const auto v = detail::parse_whole<std::uint64_t>(value, 0, UINT64_MAX);
            if (!v)
                return fail("expected a whole number from 0 to 18446744073709551615");
            spec.seed = *v;
        } else if (key == "replicates") {
            const auto v = detail::parse_whole<std::uint32_t>(value, 1, max_sweep_replicates);
            if (!v)
                return fail("expected a whole number from 1 to "
                            + std::to_string(max_sweep_replicates));
            spec.replicates = *v;
        } else if (key == "years" || key == "warmup_years") {
            const auto v = detail::parse_whole<int>(value, key == "years" ? 1 : 0, 50);
            if (!v)
                return fail(key == "years" ? "expected a whole number from 1 to 50"
                                           : "expected a whole number from 0 to 50");
            (key == "years" ? spec.years : spec.warmup_years) = *v;
        } else if (key == "scale") {
            const auto v = detail::parse_number(value);
            if (!v || !(*v > 0 && *v <= 1))
                return fail("expected a share of England above 0 and at most 1");
            spec.scale = *v;
        } else if (key == "authorities") {
            const auto v = detail::parse_whole<std::uint32_t>(value, 1, 65535);
            if (!v)
                return fail("expected a whole number from 1 to 65535");
            spec.authorities = *v;
        } else if (key == "design") {
            const auto v = from_string<sweep_design>(value);
            if (!v)
                return fail("expected grid or latin_hypercube");
            spec.design = *v;
        } else if (key == "samples") {
            const auto v = detail::parse_whole<std::size_t>(value, 1, max_sweep_points);
            if (!v)
                return fail("expected a whole number from 1 to "
                            + std::to_string(max_sweep_points));
            spec.samples = *v;
            samples_line = line_no;
        } else if (key == "figures") {
            for (const auto name : detail::split_list(value)) {
                const auto f = from_string<figure_key>(name);
                if (!f)
                    return fail("unknown figure \"" + std::string{name}
                                + "\" (the figure keys are listed in docs/simulation.md)");
                if (std::ranges::find(spec.figures, *f) != spec.figures.end())
                    return fail("figure \"" + std::string{name} + "\" listed twice");
                spec.figures.push_back(*f);
            }
        } else { // baseline or scenario: a scenario file
            if (value.empty())
                return fail("expected the name of a scenario file");
            auto s = load(std::string{value});
            if (!s) {
                auto d = s.error();
                // a file that could not be read has no line of its own: point at the line
                // that names it, so the error still says where to look
                if (d.line == 0)
                    return fail(d.message + " " + d.file);
                d.message += " (named on line " + std::to_string(line_no) + " of "
                             + std::string{file_name} + ")";
                return d;
            }
            if (key == "baseline")
                spec.baseline = std::move(s).value();
            else
                spec.scenarios.push_back(std::move(s).value());
        }
    }

    // what only the whole file can tell
    auto missing = [&](std::string_view field, std::string message) {
        return diagnostic{.file = std::string{file_name},
                          .line = line_no,
                          .column = 0,
                          .field = std::string{field},
                          .value = "",
                          .message = std::move(message)};
    };
    if (spec.figures.empty())
        return missing("figures", "no figures to collect: add `figures = cla_count, ...`");
    if (spec.parameters.empty() && spec.scenarios.empty())
        return missing("scenario", "nothing to compare with the baseline: add `scenario = FILE` "
                                   "or `vary KEY = ...`");
    const bool hypercube = spec.design == sweep_design::latin_hypercube;
    if (hypercube && spec.samples == 0 && !spec.parameters.empty())
        return missing("samples", "a latin_hypercube needs `samples = N`");
    if (!hypercube && samples_line != 0)
        return diagnostic{.file = std::string{file_name},
                          .line = samples_line,
                          .column = 1,
                          .field = "samples",
                          .value = std::to_string(spec.samples),
                          .message = "samples is for design = latin_hypercube"};
    for (const auto& p : spec.parameters) {
        if (!p.values.empty())
            continue;
        if (!hypercube && p.steps == 0)
            return diagnostic{.file = std::string{file_name},
                              .line = p.line,
                              .column = 1,
                              .field = "vary " + p.key,
                              .value = "",
                              .message = "a grid needs the number of values: LOW .. HIGH / N"};
        if (hypercube && p.steps != 0)
            return diagnostic{.file = std::string{file_name},
                              .line = p.line,
                              .column = 1,
                              .field = "vary " + p.key,
                              .value = "/ " + std::to_string(p.steps),
                              .message = "a latin_hypercube draws `samples` values: drop / N"};
    }
    if (sweep_point_count(spec) > max_sweep_points)
        return missing("vary", "more than " + std::to_string(max_sweep_points)
                                   + " points; sweep a coarser grid or fewer scenarios");
    if (auto points = expand_sweep(spec); !points) {
        auto d = points.error();
        d.file = std::string{file_name};
        return d;
    }
    return spec;
}

} // namespace carepath::sim
