#pragma once
/// @file
/// The published figures of calibration.csv, each with its role. A `target` row may be read by
/// `fit()` (or used as an input); a `validation` row is evidence and must never be read by the
/// fit. `published_figures::target()` is the only accessor the fit uses, and it refuses
/// validation rows, so a fit that reached for one would fail loudly instead of quietly fitting
/// to the evidence.
#include "carepath/core/enum_table.hpp"
#include "carepath/core/result.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath {

namespace sim {
/// What a published figure may be used for.
enum class figure_role : std::uint8_t {
    target,    ///< the fit may read it (as a target or an input)
    validation ///< evidence: the fit must never read it
};
} // namespace sim

/// Codes and labels of `figure_role`.
template <>
struct enum_table<sim::figure_role> {
    using e = sim::figure_role; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::target, "target", "the fit may use it"},
        enum_row<e>{e::validation, "validation", "the fit must never read it"},
    };
};

namespace sim {

/// One row of calibration.csv.
struct published_figure {
    std::string id;         ///< stable snake_case key
    std::string quantity;   ///< what is measured, in plain words
    double value = 0;       ///< percentages as numbers (72 means 72%)
    std::string unit;       ///< percent, children, months, ratio, ...
    std::string population; ///< whom the figure describes (the denominator for shares)
    std::string period;     ///< the year, span or follow-up window
    std::string kind;       ///< stock, flow, duration, outcome, workforce, cost
    std::string source;     ///< seed file and section, or a web address
    std::string note;       ///< caveats: approximations, definitional limits, conflicts
    figure_role role = figure_role::target; ///< what the figure may be used for
};

/// The rows of calibration.csv, in file order.
class published_figures {
public:
    /// No rows.
    published_figures() = default;
    /// The given rows, in order.
    explicit published_figures(std::vector<published_figure> rows) : rows_{std::move(rows)} {}

    /// Reads calibration.csv (header `id,quantity,value,unit,population,period,kind,source,
    /// note,role`; fields may be quoted and hold commas and doubled quotes). Errors name the
    /// file, line, field and value.
    [[nodiscard]] static result<published_figures> read(std::istream& in, std::string_view file);

    /// Every row, in file order.
    [[nodiscard]] const std::vector<published_figure>& rows() const noexcept { return rows_; }
    /// Every row, to edit (a test poisons validation rows through this).
    [[nodiscard]] std::vector<published_figure>& rows() noexcept { return rows_; }

    /// Any row by id, whatever its role (for reports and validation tables); nullptr if absent.
    [[nodiscard]] const published_figure* find(std::string_view id) const noexcept {
        for (const auto& r : rows_)
            if (r.id == id)
                return &r;
        return nullptr;
    }
    /// The value of a `target` row: what fit() reads. A validation row or an unknown id is
    /// refused with a diagnostic naming it.
    [[nodiscard]] result<double> target(std::string_view id) const {
        const auto* r = find(id);
        if (!r)
            return diagnostic{{}, 0, 0, "id", std::string{id}, "no such published figure", {}};
        if (r->role != figure_role::target)
            return diagnostic{
                {}, 0, 0, "id", std::string{id}, "a validation figure: the fit must never read it",
                {}};
        return r->value;
    }

private:
    std::vector<published_figure> rows_;
};

namespace detail {
// Splits one CSV record; quotes may wrap a field, and "" inside quotes is a quote.
inline bool split_csv_line(std::string_view line, std::vector<std::string>& cells) {
    cells.clear();
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"')
                quoted = false;
            else
                cell += c;
        } else if (c == '"')
            quoted = true;
        else if (c == ',') {
            cells.push_back(std::move(cell));
            cell.clear();
        } else if (c != '\r')
            cell += c;
    }
    cells.push_back(std::move(cell));
    return !quoted; // an unclosed quote is an error (records do not span lines)
}
} // namespace detail

inline result<published_figures> published_figures::read(std::istream& in, std::string_view file) {
    constexpr std::array<std::string_view, 10> header{"id",         "quantity", "value", "unit",
                                                      "population", "period",   "kind",  "source",
                                                      "note",       "role"};
    auto fail = [&](std::size_t line, std::size_t col, std::string_view field,
                    std::string_view value, std::string message) {
        return diagnostic{std::string{file},  line, col, std::string{field}, std::string{value},
                          std::move(message), {}};
    };
    std::string line;
    std::vector<std::string> cells;
    if (!std::getline(in, line))
        return fail(1, 0, "header", "", "empty file: no header row");
    detail::split_csv_line(line, cells);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (i >= cells.size() || cells[i] != header[i])
            return fail(1, i + 1, "header", i < cells.size() ? cells[i] : "",
                        "expected column '" + std::string{header[i]} + "'");
    std::vector<published_figure> rows;
    for (std::size_t n = 2; std::getline(in, line); ++n) {
        if (line.empty() || line == "\r")
            continue;
        if (!detail::split_csv_line(line, cells))
            return fail(n, 0, "record", line, "a quoted field is not closed");
        if (cells.size() != header.size())
            return fail(n, 0, "record", line,
                        "expected " + std::to_string(header.size()) + " fields, found "
                            + std::to_string(cells.size()));
        published_figure f;
        f.id = cells[0];
        if (f.id.empty())
            return fail(n, 1, "id", "", "an id is required");
        for (const auto& r : rows)
            if (r.id == f.id)
                return fail(n, 1, "id", f.id, "duplicate id");
        const std::string& v = cells[2];
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), f.value);
        if (v.empty() || ec != std::errc{} || end != v.data() + v.size())
            return fail(n, 3, "value", v, "not a number");
        f.quantity = cells[1];
        f.unit = cells[3];
        f.population = cells[4];
        f.period = cells[5];
        f.kind = cells[6];
        f.source = cells[7];
        f.note = cells[8];
        const auto role = from_string<figure_role>(cells[9]);
        if (!role)
            return fail(n, 10, "role", cells[9], "expected target or validation");
        f.role = *role;
        rows.push_back(std::move(f));
    }
    return published_figures{std::move(rows)};
}

} // namespace sim
} // namespace carepath
