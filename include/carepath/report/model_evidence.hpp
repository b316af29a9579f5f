#pragma once
/// @file
/// The parts of a simulation report that say what the model rests on: every assumption with
/// its value and plausible range ("What this model assumes"), the published figures it is
/// compared with ("How well it reproduces published figures"), and the definitions of two
/// figures that are easy to confuse (the continuity index and the share of ties kept).
#include "carepath/report/html.hpp"
#include "carepath/report/table.hpp"
#include "carepath/sim/assumptions.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/summary.hpp"
#include "carepath/sim/validation.hpp"

#include <cmath>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::report {

/// The continuity index, as carepath::graph computes it from care histories.
inline constexpr std::string_view continuity_index_definition =
    "Continuity index: for each move, the relationships kept divided by those kept or ended "
    "(weighted by kind, equal weights by default); relationships with no record either way are "
    "left out of both, because nobody knows which they were.";
/// The simulation's share of ties kept (figure continuity_index_mean).
inline constexpr std::string_view ties_kept_definition =
    "Share of ties kept: for each move, the child's ties before the move that are still held "
    "after it, divided by all ties before it (every tie counts once), averaged over the moves "
    "of the year, as a percentage. It is not the continuity index: no tie is left out as "
    "unrecorded, and there are no weights.";

/// What a figure measures, as one sentence for a table.
[[nodiscard]] inline std::string figure_definition(sim::figure_key k) {
    if (k == sim::figure_key::continuity_index_mean)
        return std::string{ties_kept_definition};
    return std::string{describe(k)};
}

namespace detail {
// A number with as many decimals as its size needs (3 significant figures below 100).
inline std::string auto_number(double v) {
    const double a = std::fabs(v);
    const int k = a >= 100 || a == 0 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 3 : 5;
    return format_number(v, k);
}
} // namespace detail

/// "What this model assumes": every input of `cal` that no source gives, with its value, the
/// range parameter uncertainty draws it from, and whether it was fitted (then never drawn).
/// `drawn` says whether this run drew them (sim_config::parameter_uncertainty).
[[nodiscard]] inline section assumptions_section(const sim::calibration& cal, bool drawn) {
    section s;
    s.id = "assumptions";
    s.title = "What this model assumes";
    s.text = "Every number the model uses that no published source gives: our modelling "
             "choices. The plausible range of each is itself an assumption: half to one and a "
             "half times the value (a probability capped at 1), because nothing published says "
             "how wrong these numbers may be. Fitted values were adjusted to published targets "
             "and are held at their values. A table of shares (entrants' ages, sibling group sizes, "
             "ages of the children who left care before the run, places per household) is drawn "
             "as a whole: each share from its range, then what the draws add up to over or under "
             "the table's total is spread over the shares in proportion to their room within "
             "their ranges, so the table keeps its total and every share its range. "
             + std::string{drawn ? "This run drew every assumption that is not fitted from its "
                                   "range, once per replicate, so its intervals include this "
                                   "uncertainty."
                                 : "This run used the values as given (parameter uncertainty "
                                   "off), so its intervals show only the replicates' chance "
                                   "variation, not what the model does not know."};
    data_table t;
    t.caption = "Assumptions (value, plausible range, use)";
    t.columns = {"assumption", "value", "plausible range", "under parameter uncertainty",
                 "what it is"};
    for (const auto& a : sim::assumptions(cal))
        t.add_row({a.name, detail::auto_number(a.value),
                   detail::auto_number(a.range.low) + " to " + detail::auto_number(a.range.high),
                   a.fitted                           ? "fitted: not drawn"
                   : a.kind == sim::input_kind::fixed ? "a definition: not drawn"
                   : a.kind == sim::input_kind::share ? "drawn with its table"
                                                      : "drawn",
                   std::string{a.note}});
    t.add_row({"entry_home, move_home", "weights by age and home", "not drawn", "fitted: not drawn",
               std::string{cal.homes_note}});
    s.tables.push_back(std::move(t));
    return s;
}

namespace detail {
// "37 percent", "12,000 children".
inline std::string published_cell(const sim::validation_row& r) {
    return auto_number(r.published) + (r.unit.empty() ? "" : " " + r.unit);
}
inline std::string within_cell(const sim::validation_row& r) {
    if (r.within)
        return *r.within ? "yes" : "NO";
    return r.model.mean ? "not scored" : "-";
}
inline data_table reproduction_table(std::string caption, std::span<const sim::validation_row> rows,
                                     sim::figure_role role) {
    data_table t;
    t.caption = std::move(caption);
    // the role in every row as well as in the caption: a table written out as CSV loses its
    // caption, and a fitted figure's "yes" must not read as evidence there
    const std::string role_cell = role == sim::figure_role::target
                                      ? "target: fitted or an input, not evidence"
                                      : "validation: never read by the fit, evidence";
    t.columns = {"figure (source id)",
                 "role",
                 "published",
                 "what was published",
                 "source",
                 "model's definition (this run's dates)",
                 "model (mean)",
                 "95% interval (t)",
                 "gap (model minus published)",
                 "tolerance",
                 "within tolerance",
                 "note"};
    for (const auto& r : rows) {
        if (r.role != role)
            continue;
        std::string model = "not computed: " + r.not_computed, interval = "-", gap = "-";
        if (r.model.mean) {
            model = auto_number(*r.model.mean);
            if (r.model.count < 2)
                interval = "none: 1 replicate";
            else if (r.model.interval)
                interval = auto_number(r.model.interval->low) + " to "
                           + auto_number(r.model.interval->high)
                           + " (n = " + std::to_string(r.model.count) + ")";
        }
        if (r.gap)
            gap = (*r.gap > 0 ? "+" : "") + auto_number(*r.gap);
        t.add_row({r.id, role_cell, published_cell(r), r.published_as, r.source, r.definition,
                   model, interval, gap, r.tolerance.words, within_cell(r), r.note});
    }
    if (t.rows.empty())
        t.add_row({"-", role_cell, "-", "-", "-", "-",
                   "no published figure of this role is measured", "-", "-", "-", "-", "-"});
    return t;
}
} // namespace detail

/// The caption of the table of figures the fit used.
inline constexpr std::string_view target_table_caption =
    "Target figures: the fit read them or the model takes them as inputs (role target). "
    "Fitted, not evidence";
/// The caption of the table of figures the fit never read.
inline constexpr std::string_view validation_table_caption =
    "Validation figures: never read by the fit (role validation). Evidence";

/// "How well it reproduces published figures": the rows of `sim::validation_rows` in two
/// tables, the targets (matching them is expected, so they are not evidence) and the
/// validation figures (never read by the fit: the test of the model). `one_draw`: the run drew
/// the assumptions (parameter uncertainty), so the figures from care histories, kept from
/// replicate 1 only, rest on that replicate's one draw; the text says so.
[[nodiscard]] inline section reproduction_section(std::span<const sim::validation_row> rows,
                                                  bool one_draw = false) {
    section s;
    s.id = "reproduction";
    s.title = "How well it reproduces published figures";
    s.text =
        "Every published figure the model measures (tests/data/sim/calibration.csv), beside "
        "the model's value: the mean over replicates with its 95% Student's t interval, the "
        "gap (model minus published) and whether it is within tolerance. Each figure has a "
        "role. Target figures were read by the fit or taken as inputs: the model matches them "
        "by construction, so they are fitted, not evidence. Validation figures were never read "
        "by the fit: they are the evidence that the model reproduces what it was not told. "
        "Figures from care histories (sibling separation, school and social worker changes, "
        "re-entry, disruption after orders) are measured under the published definition and "
        "need every child's history of a replicate (--histories); a run keeps the histories of "
        "its first replicate only, so they have no interval, and when it kept only some "
        "authorities' children they are shown but not scored. The role is also a column, so "
        "the tables written as CSV keep it. A figure the run cannot compute "
        "says why instead of showing a number. Published figures are of other years than the "
        "run's: the comparison is of levels. Reasons for each miss: docs/validation.md.";
    if (one_draw)
        s.text += " This run drew the assumptions from their ranges (parameter uncertainty): "
                  "the figures from care histories come from replicate 1 alone, which ran on "
                  "one draw of them, so they do not carry the uncertainty the other rows' "
                  "intervals include.";
    s.tables.push_back(detail::reproduction_table(std::string{target_table_caption}, rows,
                                                  sim::figure_role::target));
    s.tables.push_back(detail::reproduction_table(std::string{validation_table_caption}, rows,
                                                  sim::figure_role::validation));
    return s;
}

} // namespace carepath::report
