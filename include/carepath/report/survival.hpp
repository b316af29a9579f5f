#pragma once
/// @file
/// Kaplan-Meier survival curves, for "time to leaving care" and the like.
/// Observations that end without the event (still in care at the end of the
/// data, or left by another route) are censored: they count as at risk up to
/// their time and no further.
///
/// Conventions (those of R's `survival::survfit` with its defaults): at a time
/// where events and censorings tie, the events happen first; the standard error
/// is Greenwood's; the 95% interval is on the log scale (`exp(log S +- 1.96
/// se(log S))`, capped at 1).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::report {

/// One subject: how long they were followed and whether the event ended the
/// follow-up.
struct survival_observation {
    double time = 0;    ///< from the origin (entry to care) to the event or censoring
    bool event = false; ///< true: the event happened at `time`; false: censored at `time`
};

/// The curve at one distinct event time.
struct survival_step {
    double time = 0; ///< a distinct event time
    std::size_t at_risk = 0;  ///< followed up to at least `time`
    std::size_t events = 0;   ///< events at `time`
    std::size_t censored = 0; ///< censored at `time` (after the events)
    double survival = 1;      ///< S(t): estimated share without the event after `time`
    double std_error = 0;     ///< Greenwood standard error of S(t)
    double lower = 1;         ///< 95% interval, log scale
    double upper = 1; ///< upper end of the 95% interval
};

/// A Kaplan-Meier curve: S(t) = 1 until the first step, then the step's value
/// until the next.
struct survival_curve {
    std::string name; ///< the curve's label
    std::size_t subjects = 0;         ///< observations used
    std::size_t events = 0;           ///< of which ended by the event
    std::vector<survival_step> steps; ///< one per distinct event time, in time order
    /// The longest time any observation was followed (event or censored). S(t) is not known
    /// beyond it: `survival_at` carries the last step on, so a caller showing S at a fixed
    /// time (say 5 years) checks this first (R's `summary(survfit, times)` leaves such a time
    /// out).
    double follow_up = 0;

    /// S(t): the share still without the event after time `t` (the last step's value for any
    /// `t` past the last step, even past `follow_up`).
    [[nodiscard]] double survival_at(double t) const noexcept {
        double s = 1;
        for (const auto& st : steps) {
            if (st.time > t)
                break;
            s = st.survival;
        }
        return s;
    }
    /// The first time at which S(t) <= 0.5; empty while the curve stays above a
    /// half.
    [[nodiscard]] std::optional<double> median() const noexcept {
        for (const auto& st : steps)
            if (st.survival <= 0.5)
                return st.time;
        return std::nullopt;
    }
};

/// Estimates S(t) from `obs`.
/// @throws std::invalid_argument if a time is negative or not finite.
[[nodiscard]] inline survival_curve kaplan_meier(std::span<const survival_observation> obs,
                                                 std::string name = {}) {
    std::vector<survival_observation> sorted(obs.begin(), obs.end());
    for (const auto& o : sorted)
        if (!std::isfinite(o.time) || o.time < 0)
            throw std::invalid_argument{"kaplan_meier: times must be finite and not negative"};
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.time < b.time; });

    survival_curve out;
    out.name = std::move(name);
    out.subjects = sorted.size();
    out.follow_up = sorted.empty() ? 0.0 : sorted.back().time;
    std::size_t at_risk = sorted.size();
    double s = 1;
    double greenwood = 0; // sum of d / (n (n - d)): the variance of log S
    std::size_t i = 0;
    while (i < sorted.size()) {
        const double t = sorted[i].time;
        std::size_t d = 0, c = 0;
        for (; i < sorted.size() && sorted[i].time == t; ++i)
            (sorted[i].event ? d : c) += 1;
        if (d > 0) {
            const auto n = static_cast<double>(at_risk);
            const auto dd = static_cast<double>(d);
            s *= (n - dd) / n;
            if (n > dd)
                greenwood += dd / (n * (n - dd));
            survival_step st;
            st.time = t;
            st.at_risk = at_risk;
            st.events = d;
            st.censored = c;
            st.survival = s;
            if (s > 0) {
                const double se_log = std::sqrt(greenwood);
                st.std_error = s * se_log;
                st.lower = s * std::exp(-1.959963984540054 * se_log);
                st.upper = std::min(1.0, s * std::exp(1.959963984540054 * se_log));
            } else {
                st.std_error = 0;
                st.lower = st.upper = 0;
            }
            out.steps.push_back(st);
            out.events += d;
        }
        at_risk -= d + c;
    }
    return out;
}

} // namespace carepath::report
