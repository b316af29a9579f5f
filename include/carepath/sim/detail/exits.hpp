#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// Leaving care (at 18, with who is still there at 25, or by a route before 18), following a
// child after care for a return, and the 31 March count of the year.
#include "carepath/sim/detail/authority.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace carepath::sim::detail {

template <class V>
void basic_authority_model<V>::leave_at_18(std::uint32_t ci) {
    auto& c = children_[ci];
    exit_route route = exit_route::independent_living;
    bool stays = false;
    if (c.home == home_kind::foster || c.home == home_kind::kinship_foster) {
        stays = c.rng.bernoulli(cal_.staying_put_share.value);
        if (stays)
            route = exit_route::staying_put;
    } else if (c.home == home_kind::childrens_home && pol_->staying_close_to_25) {
        stays = c.rng.bernoulli(cal_.staying_close_share.value);
    }
    // who will be there at 25: each tie held at 18 lasts with an assumed chance
    stream follow{rng_key{in_.seed, in_.replicate, c.gid, purpose::follow_up}};
    const auto& k = cal_.tie_kept_to_25.values;
    double links = 0;
    for (const auto& t : c.ties) {
        const auto fam = family_of_kind(t.kind);
        double p = 0;
        if (fam == kind_family::birth_family)
            p = k[0];
        else if (fam == kind_family::sibling)
            p = k[1];
        else if (fam == kind_family::carer)
            p = (stays && t.other == carers_[c.carer].person) ? k[2] : k[3];
        else if (fam == kind_family::professional)
            p = 0; // roles end with care ...
        if (follow.bernoulli(p))
            links += 1;
    }
    // ... except the personal adviser, to 21, or to 25 under staying close
    if (pol_->staying_close_to_25 && follow.bernoulli(k[4] * cal_.adviser_to_25_factor.value))
        links += 1;
    auto& a = acc();
    a[tally::links_sum] += links;
    a[tally::leavers_at_18] += 1;
    leave(ci, route);
}

template <class V>
void basic_authority_model<V>::leave(std::uint32_t ci, exit_route route) {
    replace_leavers(1);
    auto& c = children_[ci];
    auto& a = acc();
    const int y = year_index(now_) + 1;
    if (c.counted_exit_year == y) {
        a.at(tally::exits, static_cast<std::size_t>(c.last_exit)) -=
            1; // counted once, at the last exit
        if (c.last_exit == exit_route::adoption)
            a[tally::adoptions] -= 1;
    } else {
        a[tally::exits_total] += 1;
    }
    c.counted_exit_year = y;
    a.at(tally::exits, static_cast<std::size_t>(route)) += 1;
    if (route == exit_route::adoption) {
        a[tally::adoption_days] += now_ - c.period_start;
        a[tally::adoptions] += 1;
    }
    if (c.history != none)
        log_event(c, {.day = now_, .what = logged::left, .code = static_cast<std::uint8_t>(route)});
    // relationships that end with care
    const bool adopted = route == exit_route::adoption;
    for (std::size_t i = 0; i < c.ties.size();) {
        const auto k = c.ties[i].kind;
        if (k == kinds::social_worker.code())
            end_tie_at(ci, i, now_, end_reason::age_out, true);
        else if (adopted && family_of_kind(k) == kind_family::birth_family)
            end_tie_at(ci, i, now_, end_reason::adoption, true);
        else
            ++i; // an ended tie leaves the list, and the next takes its place
    }
    if (c.sw != none) {
        auto& load = workers_[c.sw].caseload;
        auto it = std::find(load.begin(), load.end(), ci);
        if (it != load.end())
            load.erase(it);
        c.sw = none;
    }
    cohorts_.placement_ended(ci, now_);
    carers_.vacate(c.carer, ci);
    release_held(ci, false); // leaving care closes every placement
    c.carer = none;
    c.in_care = false;
    c.exit_day = now_;
    c.last_exit = route;
    c.school_change_day = never; // a school change put off is dropped: care has ended
    ++c.version;
    // follow after care: re-entry is possible after a return home or a legal order
    const int age_now = age_at(c, now_);
    c.followed = false;
    if (age_now < 18 && route != exit_route::staying_put
        && route != exit_route::independent_living) {
        c.exit_log = cohorts_.exited(now_, route);
        const auto hazard =
            after_care_hazard(cal_, route, static_cast<double>(now_ - c.birth) / days_per_year);
        ++c.version;
        // one unit draw whatever the route, so the child's stream does not depend on the hazard
        const double dt =
            (hazard.any() ? years_to_return(hazard, c.rng.exponential(1.0),
                                            post_order_factor(cal_, *pol_, route))
                          : HUGE_VAL)
            * days_per_year;
        const double window = route == exit_route::return_home
                                  ? cal_.reentry_follow_years.value * days_per_year
                                  : 1e9;
        const std::int32_t at18 = c.edge_days.back();
        if (dt < window && now_ + dt < at18 && now_ + dt <= end_) {
            c.followed = true;
            push(now_ + std::max<std::int32_t>(1, static_cast<std::int32_t>(dt)), ev_child, ci,
                 c.version);
        }
    }
}

template <class V>
void basic_authority_model<V>::reenter(std::uint32_t ci) {
    auto& c = children_[ci];
    c.followed = false;
    if (age_at(c, now_) >= 18)
        return;
    const std::uint32_t alone[] = {ci};
    enter_group(alone, true);
    replace_leavers(-1);
}

// Children who left care in the years before the start date and come back during the run
// (after_care.hpp). Only those who come back are made: the rest would never be seen.
template <class V>
void basic_authority_model<V>::seed_after_care() {
    if (in_.seeds)
        return; // a run from given histories has its own past
    stream r{rng_key{in_.seed, in_.replicate, (std::uint64_t{5} << 40) | in_.index,
                     purpose::initial}};
    const auto per_year = after_care_leavers_per_year(cal_);
    static constexpr std::array<int, band_count + 1> edges{0, 1, 5, 10, 16, 18};
    for (std::size_t i = 0; i < after_care_routes.size(); ++i) {
        const auto route = after_care_routes[i];
        const auto& ages = route == exit_route::return_home ? cal_.after_care_age_return_home
                           : route == exit_route::adoption  ? cal_.after_care_age_adoption
                                                            : cal_.after_care_age_orders;
        const double window = after_care_window_years(cal_, route);
        if (!after_care_hazard(cal_, route, 0).any())
            continue;
        // an order made 18 years back concerns a child who is an adult now
        const int back_years = static_cast<int>(std::ceil(std::min(window, 18.0)));
        for (int y = 0; y < back_years; ++y) {
            // this year's leavers, rounded by chance so small authorities get their share
            const double mean = per_year[i] * in_.share;
            auto n = static_cast<std::uint32_t>(mean);
            if (r.bernoulli(mean - n))
                ++n;
            for (std::uint32_t j = 0; j < n; ++j) {
                const auto exit_day =
                    start_ - static_cast<std::int32_t>((y + r.uniform()) * days_per_year);
                const auto b = r.choose(ages.values);
                const double age =
                    edges[b] + r.uniform() * (edges[b + 1] - edges[b]);
                const auto birth = exit_day - static_cast<std::int32_t>(age * days_per_year) - 1;
                const auto at18 = birth + static_cast<std::int32_t>(18 * days_per_year);
                // support after the order (the scenario) applies from the start date only
                const double years = years_to_return(
                    after_care_hazard(cal_, route, age), r.exponential(1.0),
                    post_order_factor(cal_, *pol_, route),
                    static_cast<double>(start_ - exit_day) / days_per_year);
                const auto back = seeded_return_day(exit_day, years, window, start_, at18, end_);
                if (!back)
                    continue;
                const auto fam = new_family(r);
                const auto ci = new_child(fam, birth, r.bernoulli(cal_.male.value / 100));
                auto& c = children_[ci];
                c.exit_day = exit_day;
                c.last_exit = route;
                c.followed = true;
                push(*back, ev_child, ci, c.version);
            }
        }
    }
}

template <class V>
void basic_authority_model<V>::snapshot(std::uint32_t k) {
    auto& a = result_.years[k];
    const std::int32_t year_start = k == 0 ? start_ : snapshots_[k - 1];
    const bool reported = k >= first_reported(); // the run's totals leave out a burn-in
    for (; listed_ < children_.size(); ++listed_)
        snapshot_list_.push_back(listed_);
    std::size_t kept = 0;
    for (const std::uint32_t ci : snapshot_list_) {
        auto& c = children_[ci];
        // a child out of care and not followed has no more days to count and never returns
        // (only followed children re-enter): later snapshots need not visit it
        if (c.in_care || c.followed)
            snapshot_list_[kept++] = ci;
        // days in care during the year (also counts those who left)
        const std::int32_t from = std::max(year_start, c.period_start);
        const std::int32_t to = c.in_care ? now_ : std::min(now_, c.exit_day);
        if (to > from) {
            a[tally::care_days] += to - from;
            if (reported) {
                result_.care_days += to - from;
                result_.child_days += to - from;
            }
        }
        if (!c.in_care) {
            // followed after care (for re-entry) until 18
            if (c.followed && reported)
                result_.child_days += now_ - std::max(year_start, c.exit_day);
            c.moves_year = 0;
            continue;
        }
        const int ag = age_at(c, now_);
        a[tally::in_care] += 1;
        a.at(tally::by_home, static_cast<std::size_t>(c.home)) += 1;
        a.at(tally::by_legal, static_cast<std::size_t>(c.legal)) += 1;
        a.at(tally::by_age, static_cast<std::size_t>(band_of(ag))) += 1;
        a[tally::male] += c.male;
        a[tally::uasc] += c.uasc;
        a[tally::outside] += !c.inside;
        a[tally::long_term] += c.long_term;
        if (ag >= 16) {
            a[tally::age_16_17] += 1;
            a[tally::semi_16_17] +=
                c.home == home_kind::semi_independent || c.home == home_kind::independent;
        }
        a.at(tally::by_moves, std::min<std::size_t>(c.moves_year, 3)) += 1;
        if (ag < 16 && now_ - c.period_start >= two_and_a_half_years_days) {
            a[tally::stable_base] += 1;
            a[tally::stable] += now_ - c.placement_start >= two_years_days;
        }
        bool sib_in_care = false, apart = false;
        for (auto s : families_[c.family].children) {
            if (s == ci || !children_[s].in_care)
                continue;
            sib_in_care = true;
            if (children_[s].carer != c.carer)
                apart = true;
        }
        a[tally::with_sibling] += sib_in_care;
        a[tally::apart] += apart;
        if (c.period_start <= now_ - year_days) {
            a[tally::no_change_1yr_base] += 1;
            a[tally::no_change_1yr] += c.last_move <= now_ - year_days
                                       && c.last_school <= now_ - year_days
                                       && c.last_sw <= now_ - year_days;
        }
        if (c.period_start <= now_ - two_years_days) {
            a[tally::no_change_2yr_base] += 1;
            a[tally::no_change_2yr] += c.last_move <= now_ - two_years_days
                                       && c.last_school <= now_ - two_years_days
                                       && c.last_sw <= now_ - two_years_days;
        }
        c.moves_year = 0;
    }
    snapshot_list_.resize(kept);
    if (snapshots_[k] == burn_in_until_ && burn_in_until_ > start_)
        begin_scenario(); // the burn-in ends: the scenario starts the day after the stock date
}

// Puts the run's scenario in force from today, the stock date. What was drawn ahead under the
// baseline and depends on the policy is drawn again from today, each process being
// memoryless: the next event of a child in care whose rates the policy changes, the return of
// a child followed after an order when support after it changes, each social worker's leaving
// day when turnover changes, and the next approval or deregistration of a foster household when
// recruitment changes. Nothing else is drawn again, so the scenario keeps the baseline's
// random numbers wherever the policy does not reach (the pairing of a comparison), and a
// baseline run is the same with or without this.
template <class V>
void basic_authority_model<V>::begin_scenario() {
    const scenario& was = *pol_;
    const scenario& now = *in_.policy;
    pol_ = &now;
    carers_.set_policy(now);
    scenario same = now; // the policy alone: not the name, nor how the inputs were drawn
    same.name = was.name;
    same.parameter_uncertainty = was.parameter_uncertainty;
    if (same == was)
        return;
    rate_tables_ = rate_cache{}; // its tables hold the old policy's rates
    rate_table before, after;
    for (std::uint32_t ci = 0; ci < children_.size(); ++ci) {
        const auto& c = children_[ci];
        if (c.in_care) {
            // the policy reaches the rates through the child's home and flags, which stay
            // as they are until the child's next event: today's rates tell
            rates(cal_, was, c, now_, before);
            rates(cal_, now, c, now_, after);
            if (before.values != after.values)
                schedule(ci);
        } else if (c.followed) {
            redraw_return(ci, was);
        }
    }
    if (now.sw_turnover_factor != was.sw_turnover_factor)
        for (const auto w : active_workers_) {
            ++workers_[w].version;
            schedule_worker(w, now_);
        }
    if (now.carer_recruitment_factor != was.carer_recruitment_factor) {
        ++carer_change_version_;
        push(now_ + carers_.next_gap(carers_.turnover_rate()), ev_carer_change, 0,
             carer_change_version_);
    }
}

// The return of child `ci`, followed after leaving care, drawn again from today when support
// after its order differs between `was` and the policy now in force: the child has not come
// back by today, so a fresh unit of cumulative hazard is spent from today's point on the
// route's clock, at the new factor.
template <class V>
void basic_authority_model<V>::redraw_return(std::uint32_t ci, const scenario& was) {
    auto& c = children_[ci];
    const double factor = post_order_factor(cal_, *pol_, c.last_exit);
    if (factor == post_order_factor(cal_, was, c.last_exit))
        return;
    const auto hazard = after_care_hazard(cal_, c.last_exit,
                                          static_cast<double>(c.exit_day - c.birth) / days_per_year);
    const double clock = hazard.clock_at_exit + static_cast<double>(now_ - c.exit_day) / days_per_year;
    const double dt = time_to_hazard(hazard, clock, c.rng.exponential(1.0), factor) * days_per_year;
    ++c.version;
    c.followed = now_ + dt < c.edge_days.back() && now_ + dt <= end_;
    if (c.followed)
        push(now_ + std::max<std::int32_t>(1, static_cast<std::int32_t>(dt)), ev_child, ci,
             c.version);
}

} // namespace carepath::sim::detail
