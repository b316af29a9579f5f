// Social workers in a run (detail/people.hpp with the team moves of detail/moves.hpp): each
// mechanism switched on alone, against what it must give by hand.
#include "carepath/sim/engine.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>

using namespace carepath;
using namespace carepath::sim;

namespace {
// A run in which no social worker ever leaves and no case is reallocated except by the
// mechanisms the test switches back on.
sim_config quiet_workforce(double scale, int years) {
    sim_config cfg;
    cfg.scale = scale;
    cfg.years = years;
    auto& p = cfg.params;
    p.sw_turnover.value = 0;
    p.sw_vacancy_rate.value = 0;
    p.sw_transfer_rate.value = 0;
    p.sw_care_team_share.value = 0;
    p.sw_sixteen_team_share.value = 0;
    return cfg;
}
// Social worker changes per child-year in care, over every simulated year.
double changes_per_child_year(const run_result& r) {
    double changes = 0, care_years = 0;
    for (const auto& y : r.mean.years) {
        // the figure is changes over care-years: the year's care-years are their ratio
        const auto rate = y.figs[figure_key::sw_changes_per_child_year];
        if (y.sw_changes == 0 || !rate || *rate <= 0)
            continue;
        changes += y.sw_changes;
        care_years += y.sw_changes / *rate;
    }
    return changes / care_years;
}
} // namespace

TEST_CASE("people: with nobody leaving and no team moves, a child keeps one social worker",
          "[sim][people]") {
    const auto r = simulate(quiet_workforce(0.02, 2));
    for (const auto& y : r.mean.years)
        CHECK(y.sw_changes == 0);
}

TEST_CASE("people: a case moves to the children-in-care team once a period, at the s20 review "
          "or at the final order",
          "[sim][people]") {
    auto cfg = quiet_workforce(0.005, 2);
    cfg.params.sw_care_team_share.value = 1;
    cfg.keep_histories = 1'000'000;
    const auto r = simulate(cfg);
    REQUIRE(r.refused_events == 0);
    const auto review = days{static_cast<int>(cfg.params.sw_care_team_days.value)};
    std::size_t at_review = 0, at_order = 0;
    for (const auto& h : r.histories) {
        for (const auto& period : h.periods()) {
            std::size_t changes = 0;
            for (const auto& w : h.workers()) {
                const date d = w.period.start();
                if (!period.period.contains(d) || !h.in_care_on(d - days{1})
                    || !h.worker_on(d - days{1}))
                    continue;
                ++changes;
                const bool review_day = d == period.period.start() + review
                                        && h.legal_status_on(d - days{1})
                                               == legal_status::accommodated_s20;
                const bool order_day = std::ranges::any_of(h.legal_statuses(), [&](const auto& l) {
                    return l.period.start() == d
                           && (l.status == legal_status::care_order
                               || l.status == legal_status::placement_order);
                });
                CHECK((review_day || order_day));
                at_review += review_day;
                at_order += order_day && !review_day;
            }
            CHECK(changes <= 1);
        }
    }
    // both transfer points happen 
    CHECK(at_review > 50);
    CHECK(at_order > 50);
}

TEST_CASE("people: covering vacancies with agency workers adds the changes worked out by hand",
          "[sim][people]") {
    // Only leavers change a child's worker. A permanent worker leaves at turnover t. With no
    // cover the next holder takes over: t changes a child-year. With every vacancy covered, a
    // post's cycle is 1/t years held plus a vacancy of D years (mean_vacancy_years), with
    // changes when the permanent worker leaves, each time an agency worker leaves first (rate
    // f t over D) and when the post is filled: (2 + f t D) / (1/t + D) a child-year.
    const double t = 0.135, v = 0.161, f = 3;
    auto cfg = quiet_workforce(0.05, 4);
    cfg.params.sw_turnover.value = t;
    cfg.params.sw_vacancy_rate.value = v;
    cfg.params.sw_agency_turnover_factor.value = f;
    cfg.params.sw_vacancy_cover_share.value = 0;
    const double none = changes_per_child_year(simulate(cfg));
    CHECK(none == Approx(t).epsilon(0.2));
    cfg.params.sw_vacancy_cover_share.value = 1;
    const double covered = changes_per_child_year(simulate(cfg));
    const double d = v / (1 - v) / t;
    CHECK(covered == Approx((2 + f * t * d) / (1 / t + d)).epsilon(0.2));
    CHECK(covered > 1.6 * none);
}
