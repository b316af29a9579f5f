#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// A child's life in care: the next event drawn from the competing hazards, what each event
// does, changes of legal status, moves of home (with siblings, held-open placements, ties
// kept or lost), and the moves forced when a foster household stops.
#include "carepath/sim/detail/authority.hpp"
#include "carepath/sim/detail/school.hpp"
#include "carepath/sim/detail/siblings.hpp"

#include <algorithm>
#include <cstdint>

namespace carepath::sim::detail {

// A foster household is approved, or one stops fostering and its children move (CLOSE).
template <class V>
void basic_authority_model<V>::carer_turnover() {
    const auto change = carers_.turnover();
    if (change.stopped != none) {
        const auto kids = carers_[change.stopped].children; // copied: moves change the list
        for (auto k : kids) {
            auto& c = children_[k];
            if (c.in_care && c.carer == change.stopped) {
                if (move_child(k, change_reason::carer_resigned, false, true))
                    schedule(k);
            } else if (c.held_carer == change.stopped) {
                release_held(k);
            }
        }
    }
    push(now_ + carers_.next_gap(change.rate), ev_carer_change, 0, carer_change_version_);
}

// Draws the child's next event (after a team move due today). The hazards are constant
// between rate changes, so the waiting time is found by spending an Exp(1) amount of
// cumulative hazard across the segments (inversion), with no event at the segment edges;
// only the deterministic events (18th birthday, the final hearing, the end of a hold, a school
// change put off to September, the end of compulsory school, a team move on its day) stop the
// walk.
template <class V>
void basic_authority_model<V>::schedule(std::uint32_t ci) {
    auto& c = children_[ci];
    // a move between teams due today is made now: it is not a change of home, so it need not
    // wait for a placement made today to last a day, and every handler ends here
    auto team = next_team_move(cal_, c, start_);
    if (team.first != team_move::no_move && team.second <= now_) {
        move_team(ci, team.first);
        team = next_team_move(cal_, c, start_); // the move changed what comes next
    }
    ++c.version;
    const std::int32_t hard = std::max(
        now_ + 1, std::min({c.hearing, c.held_until, c.school_change_day,
                            c.in_school ? c.school_leaving_day : never, c.edge_days.back(),
                            team.second, end_ + 1}));
    double need = c.rng.exponential(1.0);
    std::int32_t t = now_;
    while (t < hard) {
        const auto segment = rate_tables_.from(cal_, *pol_, c, t, hard);
        const auto& [r, total] = *segment.rates;
        const std::int32_t seg_end = segment.end;
        const double span = static_cast<double>(seg_end - t) / days_per_year;
        if (total * span > need) {
            const double dt = need / total * days_per_year;
            const std::int32_t day = std::max(t + static_cast<std::int32_t>(dt), now_ + 1);
            if (day >= hard)
                break;
            c.pending = static_cast<std::uint8_t>(c.rng.choose(r.values, total));
            if (day <= end_)
                push(day, ev_child, ci, c.version);
            return;
        }
        need -= total * span;
        t = seg_end;
    }
    c.pending =
        static_cast<std::uint8_t>(outcome::count); // a deterministic event: decided when it comes
    if (hard <= end_)
        push(hard, ev_child, ci, c.version);
}

template <class V>
void basic_authority_model<V>::child_event(std::uint32_t ci) {
    auto& c = children_[ci];
    if (c.in_care && now_ <= c.last_change) {
        // placed today (moving with a sibling): a placement lasts at least a day
        push(now_ + 1, ev_child, ci, c.version);
        return;
    }
    if (!c.in_care) {
        if (c.followed)
            reenter(ci);
        return;
    }
    // deterministic events first: 18th birthday, the final hearing, a held placement
    const int a = age_at(c, now_);
    if (a >= 18) {
        leave_at_18(ci);
        return;
    }
    if (c.held_carer != none && now_ >= c.held_until)
        release_held(ci);
    if (c.in_school && now_ >= c.school_leaving_day)
        leave_school(ci);
    if (now_ >= c.school_change_day)
        (void)change_school(ci, c.next_school_near);
    if (c.hearing != never && now_ >= c.hearing) {
        c.hearing = never;
        const bool po = a < 5 && c.rng.bernoulli(cal_.placement_order_at_final_under5.value);
        set_legal(ci, po ? legal_group::placement_order : legal_group::care_order);
        if (moves_at_final_order(c))
            move_team(ci, team_move::to_care_team);
        schedule(ci);
        return;
    }
    switch (static_cast<outcome>(c.pending)) {
    case outcome::move:
        (void)move_child(ci, std::nullopt, c.rng.bernoulli(cal_.planned_move_share.value), false);
        break;
    case outcome::return_home:
        leave(ci, exit_route::return_home);
        return;
    case outcome::special_guardianship:
        leave(ci, exit_route::special_guardianship);
        return;
    case outcome::child_arrangements:
        leave(ci, exit_route::child_arrangements_order);
        return;
    case outcome::independent_living:
        leave(ci, exit_route::independent_living);
        return;
    case outcome::other_exit:
        leave(ci, exit_route::other);
        return;
    case outcome::adopted:
        leave(ci, exit_route::adoption);
        return;
    case outcome::s20_to_interim_order:
        set_legal(ci, legal_group::interim_care_order);
        schedule_hearing(children_[ci]);
        break;
    case outcome::to_placement_order:
        set_legal(ci, legal_group::placement_order);
        break;
    case outcome::placement_order_revoked:
        set_legal(ci, legal_group::care_order);
        break;
    case outcome::matched: {
        if (c.home == home_kind::foster
            && c.rng.bernoulli(cal_.adoption_with_current_carers.value)) {
            // fostering to adoption with the same carers: a change of type, not a move
            same_carer_change(ci, home_kind::placed_for_adoption, true);
        } else {
            relocate(ci, home_kind::placed_for_adoption, change_reason::care_plan, true, false);
        }
        break;
    }
    case outcome::long_term: {
        c.long_term = true;
        c.last_change = now_;
        if (c.history != none)
            log_placement(c, logged::placement_changed, {}, change_reason::status_only);
        break;
    }
    case outcome::worker_transfer:
        assign_worker(ci, end_reason::worker_change);
        break;
    default:
        break; // a checkpoint: rates change
    }
    schedule(ci);
}

// The case moves to another team: the day is kept (a move is made once a period of care), and
// the child gets a new social worker unless the authority's teams keep the same one.
template <class V>
void basic_authority_model<V>::move_team(std::uint32_t ci, team_move m) {
    auto& c = children_[ci];
    if (m == team_move::to_care_team)
        c.care_team_day = now_;
    else
        c.sixteen_team_day = now_;
    if (c.rng.bernoulli(team_move_share(cal_, m)))
        assign_worker(ci, end_reason::worker_change);
}

template <class V>
void basic_authority_model<V>::set_legal(std::uint32_t ci, legal_group g) {
    auto& c = children_[ci];
    c.legal = g;
    c.status_start = now_;
    if (c.history != none)
        log_event(c, {.day = now_,
                      .what = logged::legal_changed,
                      .code = static_cast<std::uint8_t>(legal_status_of(g))});
}

template <class V>
void basic_authority_model<V>::same_carer_change(std::uint32_t ci, home_kind h, bool own_carers) {
    auto& c = children_[ci];
    c.home = h;
    c.last_change = now_;
    c.with_own_carers = own_carers;
    c.long_term = false;
    if (c.history != none)
        log_placement(c, logged::placement_changed, {}, change_reason::status_only);
}

// Returns false when the move was put off to tomorrow (the child was placed today).
template <class V>
bool basic_authority_model<V>::move_child(std::uint32_t ci, std::optional<change_reason> why,
                                          bool planned, bool forced) {
    auto& c = children_[ci];
    if (now_ <= c.last_change) {
        // a placement lasts at least a day: the move happens tomorrow
        ++c.version;
        c.pending = static_cast<std::uint8_t>(outcome::move);
        push(now_ + 1, ev_child, ci, c.version);
        return false;
    }
    // back to a held-open placement when the trial fails
    if (c.held_carer != none && !forced) {
        const auto back = c.held_carer;
        move_to(ci,
                carers_[back].kind == home_kind::kinship_foster ? home_kind::kinship_foster
                                                                : carers_[back].kind,
                back, change_reason::care_plan, false, true);
        return true;
    }
    const auto h = draw_home(c, false);
    const auto reason = why       ? *why
                        : planned ? change_reason::care_plan
                                  : (c.rng.bernoulli(cal_.unplanned_carer_request_share.value)
                                         ? change_reason::carer_request_behaviour
                                         : change_reason::standard_of_care);
    relocate(ci, h, reason, planned, forced);
    return true;
}

// Moves the child (and the siblings living with them, siblings.hpp) to a new home of kind `h`.
template <class V>
void basic_authority_model<V>::relocate(std::uint32_t ci, home_kind h, change_reason why,
                                        bool planned, bool forced) {
    auto& c = children_[ci];
    const auto old = c.carer;
    const bool inside = c.rng.bernoulli(inside_share(cal_, *pol_, h));
    const bool policy = pol_->siblings == sibling_policy::together_unless_reason;
    std::vector<std::uint32_t> with;
    if (old != none && !carers_[old].unlimited && home_shared_with_siblings(h)) {
        // a move about the carer or the plan takes them all; one about this child alone
        // leaves the siblings, unless the policy keeps them together
        const bool one = move_about_one_child(why);
        for (auto sib : families_[c.family].children)
            if (sib != ci && children_[sib].in_care && children_[sib].carer == old
                && children_[sib].last_change < now_
                && (!one || (policy && c.rng.bernoulli(cal_.siblings_together_policy.value))))
                with.push_back(sib);
    }
    // a move into foster care may join a sibling's foster carer who has room (siblings.hpp)
    std::uint32_t carer = none;
    if (with.empty() && h == home_kind::foster)
        for (auto sib : families_[c.family].children) {
            if (sib == ci || !children_[sib].in_care)
                continue;
            const auto sc = children_[sib].carer;
            if (sc != none && can_join_sibling(carers_[sc], sc, old)
                && c.rng.bernoulli(cal_.siblings_reunite_on_move.value)) {
                carer = sc;
                break;
            }
        }
    if (carer == none) {
        carer = find_home(ci, h, inside, static_cast<std::uint32_t>(1 + with.size()),
                          !with.empty() && policy);
        carer = avoid(ci, h, carer, old, inside);
    }
    const bool hold = planned && !forced && pol_->keep_last_placement_open && c.held_carer == none
                      && !carers_[old].unlimited;
    move_to(ci, h, carer, why, hold, false);
    for (auto sib : with) {
        auto& s = children_[sib];
        if (!s.in_care)
            continue;
        const bool room = carers_[carer].unlimited || carers_[carer].used < carers_[carer].places;
        const auto target =
            room ? carer : avoid(sib, h, find_home(sib, h, inside, 1, false), s.carer, inside);
        move_to(sib, h, target, why, false, false);
        schedule(sib);
    }
}

// The move itself: ends or keeps ties, counts continuity, records the history.
template <class V>
void basic_authority_model<V>::move_to(std::uint32_t ci, home_kind h, std::uint32_t carer,
                                       change_reason why, bool hold, bool back_to_held) {
    auto& c = children_[ci];
    // a move elsewhere while a placement is held open ends the hold first
    if (!back_to_held && c.held_carer != none)
        release_held(ci);
    const auto old = c.carer;
    const auto old_home = c.home;
    // ties open before the move
    const std::size_t before = c.ties.size();
    std::size_t lost = 0;
    // the last carer: kept when the placement is held open, or by chance/policy
    if (old != none && carer_kind(old_home) != 0) {
        const auto person = carers_[old].person;
        const bool keep = hold || back_to_held || c.rng.bernoulli(cal_.former_carer_kept.value);
        if (!keep && end_tie(ci, person, carer_kind(old_home), end_reason::placement_move, false))
            ++lost;
        else if (keep && !hold && carer_kind(old_home) == kinds::foster_carer.code()) {
            end_tie(ci, person, kinds::foster_carer.code(), end_reason::placement_move, true);
            begin_tie(ci, person, kinds::former_foster_carer.code());
        }
    }
    // school: the new home's distance from the school decides (school.hpp); a move decides
    // afresh, so a change put off by an earlier move is dropped, and back to the held-open
    // home the child still has the old school
    c.school_change_day = never;
    if (c.in_school && !back_to_held) {
        const bool new_inside =
            carers_[carer].unlimited ? (carer == carers_.provider(h, true)) : carers_[carer].inside;
        const bool near = c.rng.bernoulli(within_20_miles(cal_, new_inside));
        switch (school_on_move(cal_, near && c.school_near, why == change_reason::care_plan,
                               c.rng)) {
        case school_change::kept:
            break;
        case school_change::now:
            lost += change_school(ci, near) ? 1 : 0;
            break;
        case school_change::next_school_year:
            c.school_change_day = day_number(next_school_year_start(to_date(now_)));
            c.next_school_near = near;
            break;
        }
    }
    auto& a = acc();
    a[tally::moves] += 1;
    a[tally::continuity_sum] +=
        before == 0 ? 1.0 : 1.0 - static_cast<double>(lost) / static_cast<double>(before);
    a[tally::continuity_moves] += 1;
    // a move on 1 April leaves only the new home in the year's placements: the one left today
    // ended where the year starts (as placements_during and the DfE's table count it)
    if (now_ > year_start_of(now_) + 1)
        ++c.moves_year;
    c.last_move = now_;
    cohorts_.placement_ended(ci, now_);
    const bool long_term_after = back_to_held && c.held_long_term;
    if (hold) {
        c.held_long_term = c.long_term;
        c.held_carer = old;
        c.held_until = now_ + static_cast<std::int32_t>(cal_.held_open_days.value);
    } else {
        carers_.vacate(old, ci);
        if (back_to_held) {
            c.held_carer = none;
            c.held_until = never;
        }
    }
    if (c.history != none) {
        c.home = h;
        c.carer = carer;
        c.inside =
            carers_[carer].unlimited ? (carer == carers_.provider(h, true)) : carers_[carer].inside;
        c.long_term = long_term_after;
        c.with_own_carers = false;
        log_placement(c, logged::placement_changed, {}, why, hold);
    }
    if (back_to_held) {
        // the held placement's place was never given up
        c.home = h;
        c.carer = carer;
        c.inside = carers_[carer].inside;
        c.placement_start = now_;
        c.last_change = now_;
        c.long_term = long_term_after;
        c.with_own_carers = false;
        cohorts_.placed(ci, children_[ci].home, now_);
    } else {
        set_home(ci, h, carer);
    }
    if (children_[ci].history != none)
        plan_contacts(ci);
}

// A new school from today: the tie with the old school's teacher ends. Returns whether the
// child had one.
template <class V>
bool basic_authority_model<V>::change_school(std::uint32_t ci, bool near) {
    auto& c = children_[ci];
    bool ended = false;
    for (std::size_t i = 0; i < c.ties.size(); ++i)
        if (c.ties[i].kind == kinds::teacher.code()) {
            end_tie_at(ci, i, now_, end_reason::school_move, false);
            ended = true;
            break;
        }
    begin_tie(ci, new_person(), kinds::teacher.code());
    c.last_school = now_;
    c.school_near = near;
    c.school_change_day = never;
    return ended;
}

// A school place from today when the child is of school age and has none (at entry, or in the
// starting stock). Returns whether the child is at school.
template <class V>
bool basic_authority_model<V>::start_school(std::uint32_t ci) {
    auto& c = children_[ci];
    if (c.in_school)
        return true;
    c.school_leaving_day = day_number(school_leaving_day(to_date(c.birth)));
    if (age_at(c, now_) < 5 || now_ >= c.school_leaving_day)
        return false;
    c.in_school = true;
    begin_tie(ci, new_person(), kinds::teacher.code());
    return true;
}

// The end of compulsory school: the tie with the school ends, and moves no longer change school.
// It ends on the leaving day even when the model sees it later (a child who was at home then
// and comes back into care after it).
template <class V>
void basic_authority_model<V>::leave_school(std::uint32_t ci) {
    auto& c = children_[ci];
    for (std::size_t i = 0; i < c.ties.size(); ++i)
        if (c.ties[i].kind == kinds::teacher.code()) {
            end_tie_at(ci, i, std::min(now_, c.school_leaving_day), end_reason::age_out, true);
            break;
        }
    c.in_school = false;
    c.school_change_day = never;
}

template <class V>
void basic_authority_model<V>::release_held(std::uint32_t ci, bool record) {
    auto& c = children_[ci];
    if (c.held_carer == none)
        return;
    const auto held = c.held_carer;
    c.held_carer = none;
    c.held_until = never;
    carers_.vacate(held, ci);
    if (record && c.history != none && c.in_care)
        log_event(c, {.day = now_, .what = logged::held_released});
}

} // namespace carepath::sim::detail
