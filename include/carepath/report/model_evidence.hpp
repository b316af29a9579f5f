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

#include <cmath>
#include <cstddef>
#include <optional>
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
             "and are held at their values. "
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
                                                      : "drawn",
                   std::string{a.note}});
    t.add_row({"entry_home, move_home", "weights by age and home", "not drawn", "fitted: not drawn",
               std::string{cal.homes_note}});
    s.tables.push_back(std::move(t));
    return s;
}

/// A published figure beside the model's: for the reproduction tables.
struct reproduction_row {
    std::string id;     ///< calibration.csv id
    std::string figure; ///< what is compared
    int year = 0;
    std::string published; ///< as published ("14 (13-15)", ">= 12000")
    std::optional<double> model, low, high;
    std::size_t replicates = 0;
    std::optional<bool> within; ///< inside the tolerance; absent when not scored
    std::string note;
};

/// The rows of `targets` for the years `run` reports, with the run's estimates. `estimate_of`
/// maps a target to the model's figure for its year (mean, low, high, replicates).
template <class EstimateOf>
[[nodiscard]] std::vector<reproduction_row>
reproduction_rows(const std::vector<sim::target>& targets, EstimateOf&& estimate_of) {
    std::vector<reproduction_row> out;
    for (const auto& t : targets) {
        reproduction_row r;
        r.id = std::string{t.id};
        r.figure = figure_definition(t.figure);
        r.year = t.year;
        r.published = detail::auto_number(t.value);
        if (t.low && t.high)
            r.published +=
                " (" + detail::auto_number(*t.low) + " to " + detail::auto_number(*t.high) + ")";
        else if (t.low)
            r.published = "at least " + detail::auto_number(*t.low);
        const auto e = estimate_of(t);
        r.model = e.mean;
        r.low = e.low;
        r.high = e.high;
        r.replicates = e.replicates;
        if (r.model && !t.conflicting)
            r.within = sim::within_tolerance(t, *r.model);
        r.note = std::string{t.conflicting ? "definitions conflict: not scored. " : ""}
                 + (t.input ? "fitted or an input: not evidence. " : "") + std::string{t.note};
        out.push_back(std::move(r));
    }
    return out;
}

namespace detail {
inline data_table reproduction_table(std::string caption,
                                     const std::vector<reproduction_row>& rows) {
    data_table t;
    t.caption = std::move(caption);
    t.columns = {"figure",           "source id",        "year", "published", "model (mean)",
                 "95% interval (t)", "within tolerance", "note"};
    for (const auto& r : rows) {
        std::string interval = "-";
        if (r.low && r.high)
            interval = auto_number(*r.low) + " to " + auto_number(*r.high);
        else if (r.model && r.replicates < 2)
            interval = "none: 1 replicate";
        t.add_row({r.figure, r.id, std::to_string(r.year), r.published,
                   r.model ? auto_number(*r.model) : std::string{"not measured"}, interval,
                   r.within ? (*r.within ? "yes" : "NO") : std::string{"-"}, r.note});
    }
    return t;
}
} // namespace detail

/// "How well it reproduces published figures": the targets (figures the fit may read, or that
/// are inputs) and the validation figures (that the fit never reads) beside the model's. A
/// model that matches only its targets is not yet evidence; the validation table is the test.
[[nodiscard]] inline section reproduction_section(const std::vector<reproduction_row>& targets,
                                                  const std::vector<reproduction_row>& validation) {
    section s;
    s.id = "reproduction";
    s.title = "How well it reproduces published figures";
    s.text = "Published figures beside the model's (mean over replicates, with its Student's t "
             "interval). Targets are figures the fit may read or the model takes as inputs: "
             "matching them is expected, not evidence. Validation figures are never read by the "
             "fit; they are the test of the model. Tolerance: 2 percentage points for a share, "
             "5% for a count, outside any published range.";
    s.tables.push_back(
        detail::reproduction_table("Targets (role target: the fit may read them)", targets));
    if (!validation.empty()) {
        s.tables.push_back(detail::reproduction_table(
            "Validation figures (role validation: the fit never reads them)", validation));
    } else {
        data_table t;
        t.caption = "Validation figures (role validation: the fit never reads them)";
        t.columns = {"status"};
        t.add_row({"Not shown by this build: the validation rows of calibration.csv (role "
                   "column) and the outcomes computed under their published definitions "
                   "(sim/outcomes.hpp) are not yet wired into the report. See "
                   "docs/validation.md."});
        s.tables.push_back(std::move(t));
    }
    return s;
}

} // namespace carepath::report
