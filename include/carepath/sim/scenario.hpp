#pragma once
/// @file
/// Policy scenarios as data: a struct, and a `key = value` text form with errors that say
/// where. A scenario changes the policies a run applies; the calibrated hazards stay the same,
/// so a run under a scenario can be set beside the baseline run with the same seed.
#include "carepath/core/enum_table.hpp"
#include "carepath/core/result.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace carepath::sim {

/// How siblings are placed: at entry, and when one of them moves.
enum class sibling_policy : std::uint8_t {
    current_practice,      ///< together unless a reason is recorded, if one of the households
                           ///< checked has room; a move about one child leaves the siblings
    together_unless_reason ///< fewer recorded reasons, every free household checked (then an
                           ///< agency one with room), and siblings move together even when a
                           ///< move is about one child, unless a reason is recorded
};
} // namespace carepath::sim

/// Codes and labels of `sibling_policy`.
template <>
struct carepath::enum_table<carepath::sim::sibling_policy> {
    using e = carepath::sim::sibling_policy; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::current_practice, "current_practice", "current practice (as calibrated)"},
        enum_row<e>{e::together_unless_reason, "together_unless_reason",
                    "siblings placed together unless a reason is recorded"},
    };
};

namespace carepath::sim {

/// A policy scenario. The default is the baseline: England as calibrated.
struct scenario {
    std::string name = "baseline"; ///< names the run in reports; "baseline" for the baseline
    /// How siblings entering care together are placed.
    sibling_policy siblings = sibling_policy::current_practice;
    /// Kinship carers get the support foster carers get: fewer kinship placements break down
    /// and kinship is found more often when a child needs a home.
    bool kinship_support = false;
    /// Families get support after a special guardianship or adoption order (as the Adoption
    /// Support Fund offers): fewer of those orders break down and bring the child back.
    bool post_order_support = false;
    /// On a planned move the last placement is held open for a while, so a child whose new
    /// placement fails goes back to carers they know, and the tie with them is kept.
    bool keep_last_placement_open = false;
    /// Young people in children's homes can stay close to 25, as those in foster care can
    /// stay put; their personal adviser stays to 25.
    bool staying_close_to_25 = false;
    /// Multiplies social workers' annual leaving rate (0.5 halves turnover).
    double sw_turnover_factor = 1.0;
    /// The chance that a new foster home is inside the home authority (0-1); every other kind
    /// of home moves from its calibrated chance by the same ratio, capped at 1, so 1 does not
    /// put every child inside (children's homes, adoptive and other residential homes stay
    /// below it; placements made before the scenario starts, on the stock date, are not
    /// moved). Unset
    /// keeps the calibrated chances.
    std::optional<double> share_inside_home_authority;
    /// Multiplies foster carer approvals per year (2.0 doubles recruitment).
    double carer_recruitment_factor = 1.0;
    /// Draw the unfitted assumptions from their plausible ranges, per replicate (parameter
    /// uncertainty, sim/assumptions.hpp). Set on a scenario, it applies to the baseline beside
    /// it too, so the two runs share their draws and stay paired.
    bool parameter_uncertainty = false;

    /// Equal in every setting, the name included.
    friend bool operator==(const scenario&, const scenario&) = default;
};

namespace detail {
inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}
inline std::optional<double> parse_number(std::string_view s) noexcept {
    double v = 0;
    const auto* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc{} || p != end)
        return std::nullopt;
    return v;
}
// True when `s` starts with `#` or holds one after a blank: a comment the writer of a scenario
// file meant, which the reader does not strip from a value.
inline bool has_inline_comment(std::string_view s) noexcept {
    return s.starts_with('#') || s.find(" #") != std::string_view::npos
           || s.find("\t#") != std::string_view::npos;
}
inline std::optional<bool> parse_bool(std::string_view s) noexcept {
    if (s == "true" || s == "yes" || s == "on" || s == "1")
        return true;
    if (s == "false" || s == "no" || s == "off" || s == "0")
        return false;
    return std::nullopt;
}
} // namespace detail

/// Every key a scenario file may set, for error messages and documentation.
inline constexpr std::array<std::string_view, 10> scenario_keys{"name",
                                                                "siblings",
                                                                "kinship_support",
                                                                "post_order_support",
                                                                "keep_last_placement_open",
                                                                "staying_close_to_25",
                                                                "sw_turnover_factor",
                                                                "share_inside_home_authority",
                                                                "carer_recruitment_factor",
                                                                "parameter_uncertainty"};

/// Sets one key of `s` from its text value. The diagnostic names the field and value; the
/// caller adds the file, line and column.
[[nodiscard]] inline status set_scenario_key(scenario& s, std::string_view key,
                                             std::string_view value) {
    auto fail = [&](std::string message) {
        diagnostic d;
        d.field = std::string{key};
        d.value = std::string{value};
        d.message = std::move(message);
        return status{std::move(d)};
    };
    auto flag = [&](bool& out) {
        if (auto b = detail::parse_bool(value)) {
            out = *b;
            return status{ok};
        }
        return fail("expected true or false");
    };
    auto factor = [&](double& out, double lo, double hi, const char* what) {
        auto v = detail::parse_number(value);
        if (!v)
            return fail("expected a number");
        if (!(*v >= lo && *v <= hi))
            return fail(std::string{"must be "} + what);
        out = *v;
        return status{ok};
    };
    if (key == "name") {
        if (value.empty())
            return fail("a scenario name cannot be empty");
        // Comments after a value are not read: after a name, one would become part of it.
        if (detail::has_inline_comment(value))
            return fail("a scenario name cannot hold `#` at its start or after a blank: a "
                        "comment after the name would become part of it (put the comment on a "
                        "line of its own)");
        s.name = std::string{value};
        return ok;
    }
    if (key == "siblings") {
        if (auto p = from_string<sibling_policy>(value)) {
            s.siblings = *p;
            return ok;
        }
        return fail("expected current_practice or together_unless_reason");
    }
    if (key == "kinship_support")
        return flag(s.kinship_support);
    if (key == "post_order_support")
        return flag(s.post_order_support);
    if (key == "keep_last_placement_open")
        return flag(s.keep_last_placement_open);
    if (key == "parameter_uncertainty")
        return flag(s.parameter_uncertainty);
    if (key == "staying_close_to_25")
        return flag(s.staying_close_to_25);
    if (key == "sw_turnover_factor")
        return factor(s.sw_turnover_factor, 0, 10, "between 0 and 10");
    if (key == "carer_recruitment_factor")
        return factor(s.carer_recruitment_factor, 0, 10, "between 0 and 10");
    if (key == "share_inside_home_authority") {
        double v = 0;
        if (auto r = factor(v, 0, 1, "a share between 0 and 1"); !r)
            return r;
        s.share_inside_home_authority = v;
        return ok;
    }
    std::string known;
    for (auto k : scenario_keys)
        known += (known.empty() ? "" : ", ") + std::string{k};
    return fail("unknown scenario key (known keys: " + known + ")");
}

namespace detail {
// read_scenario, refusing the name `refused_name` (when given) on the line that sets it.
inline result<scenario> read_scenario_lines(std::istream& in, std::string_view file_name,
                                            std::optional<std::string_view> refused_name) {
    scenario s;
    s.name = "scenario";
    std::string line;
    std::size_t line_no = 0;
    std::array<bool, scenario_keys.size()> seen{};
    while (std::getline(in, line)) {
        ++line_no;
        const std::string_view text = detail::trim(line);
        if (text.empty() || text.front() == '#')
            continue;
        auto where = [&](diagnostic d, std::size_t column) {
            d.file = std::string{file_name};
            d.line = line_no;
            d.column = column;
            return d;
        };
        const auto eq = text.find('=');
        const std::size_t indent = static_cast<std::size_t>(text.data() - line.data());
        if (eq == std::string_view::npos) {
            diagnostic d;
            d.value = std::string{text};
            d.message = "expected key = value";
            return where(std::move(d), indent + 1);
        }
        const auto key = detail::trim(text.substr(0, eq));
        const auto raw = text.substr(eq + 1);
        const auto value = detail::trim(raw);
        const std::size_t value_column =
            indent + eq + 2 + static_cast<std::size_t>(value.data() - raw.data());
        for (std::size_t i = 0; i < scenario_keys.size(); ++i)
            if (scenario_keys[i] == key) {
                if (seen[i]) {
                    diagnostic d;
                    d.field = std::string{key};
                    d.value = std::string{value};
                    d.message = "key given twice";
                    return where(std::move(d), indent + 1);
                }
                seen[i] = true;
            }
        if (auto r = set_scenario_key(s, key, value); !r) {
            const bool unknown_key = r.error().message.starts_with("unknown");
            return where(r.error(), unknown_key ? indent + 1 : value_column);
        }
        if (key == "name" && refused_name && s.name == *refused_name) {
            diagnostic d;
            d.field = "name";
            d.value = std::string{value};
            d.message = "a scenario run beside the baseline cannot have the baseline run's "
                        "name: the report would read \""
                        + s.name + " minus " + s.name + "\" and the summary hold two runs named \""
                        + s.name + "\" (give the scenario another name)";
            return where(std::move(d), value_column);
        }
    }
    if (refused_name && s.name == *refused_name) { // no name line: the default name clashes
        diagnostic d;
        d.file = std::string{file_name};
        d.field = "name";
        d.value = s.name;
        d.message = "the file gives no name, and the default is the baseline run's name: add "
                    "`name = ...`";
        return d;
    }
    return s;
}
} // namespace detail

/// Reads a scenario from `key = value` lines. Blank lines and lines starting with `#` are
/// skipped; a comment after a value is not (a value followed by one is refused, and so is a
/// name holding `#` after a blank). A key given twice is refused. The first error stops the
/// read and names the file, line, column, key and value. The name defaults to "scenario".
[[nodiscard]] inline result<scenario> read_scenario(std::istream& in, std::string_view file_name) {
    return detail::read_scenario_lines(in, file_name, std::nullopt);
}

/// Reads a scenario to run beside a baseline whose run is named `baseline_name` (the default
/// scenario's name, "baseline", which `compare` uses unless given another baseline): as
/// `read_scenario`, and a file naming the scenario like the baseline is refused, at the line
/// and column of its name, because the report would read "baseline minus baseline" and the
/// summary hold two runs of one name. (`compare` itself accepts two runs of one name: a sweep,
/// or a check that a scenario equal to the baseline differs by 0, names neither run.)
[[nodiscard]] inline result<scenario>
read_alternative_scenario(std::istream& in, std::string_view file_name,
                          std::string_view baseline_name = "baseline") {
    return detail::read_scenario_lines(in, file_name, baseline_name);
}

namespace detail {
// The shortest text that reads back as exactly `v` (std::to_chars without a precision), so a
// scenario written and read again is the same scenario to the last bit.
inline std::string exact_number(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}
} // namespace detail

/// Why `s` cannot be written so that `read_scenario` reads it back the same, if it cannot: a
/// name that is empty, has a line break (the rest would be read as another key), starts or
/// ends with a blank (trimmed on reading) or holds `#` at its start or after a blank (refused
/// on reading), or a factor outside what the reader accepts.
[[nodiscard]] inline status check_writable(const scenario& s) {
    auto refuse = [](std::string_view field, std::string value, std::string message) {
        return status{diagnostic{.field = std::string{field}, .value = std::move(value),
                                 .message = std::move(message)}};
    };
    if (s.name.empty()) return refuse("name", s.name, "a scenario name cannot be empty");
    if (s.name.find('\n') != std::string::npos)
        return refuse("name", s.name, "a scenario name cannot hold a line break");
    if (detail::trim(s.name) != s.name)
        return refuse("name", s.name, "a scenario name cannot start or end with a blank");
    // The name and each number go through the reader's own check, so writer and reader cannot
    // disagree (a name with `#` after a blank, for one).
    scenario copy;
    if (auto r = set_scenario_key(copy, "name", s.name); !r) return r;
    for (const auto& [key, v] :
         {std::pair{"sw_turnover_factor", s.sw_turnover_factor},
          std::pair{"carer_recruitment_factor", s.carer_recruitment_factor},
          std::pair{"share_inside_home_authority", s.share_inside_home_authority.value_or(0.5)}})
        if (auto r = set_scenario_key(copy, key, detail::exact_number(v)); !r) return r;
    return ok;
}

/// Writes `s` in the form `read_scenario` reads; numbers in their shortest exact form. Refused,
/// writing nothing, when `check_writable` refuses.
inline status write_scenario(std::ostream& os, const scenario& s) {
    if (auto r = check_writable(s); !r) return r;
    os << "name = " << s.name << '\n'
       << "siblings = " << to_string(s.siblings) << '\n'
       << "kinship_support = " << (s.kinship_support ? "true" : "false") << '\n'
       << "post_order_support = " << (s.post_order_support ? "true" : "false") << '\n'
       << "keep_last_placement_open = " << (s.keep_last_placement_open ? "true" : "false") << '\n'
       << "staying_close_to_25 = " << (s.staying_close_to_25 ? "true" : "false") << '\n'
       << "sw_turnover_factor = " << detail::exact_number(s.sw_turnover_factor) << '\n';
    if (s.share_inside_home_authority)
        os << "share_inside_home_authority = "
           << detail::exact_number(*s.share_inside_home_authority) << '\n';
    os << "carer_recruitment_factor = " << detail::exact_number(s.carer_recruitment_factor)
       << '\n'
       << "parameter_uncertainty = " << (s.parameter_uncertainty ? "true" : "false") << '\n';
    return ok;
}

} // namespace carepath::sim
