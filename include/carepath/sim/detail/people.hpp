#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The people around a simulated child: social workers (posts, vacancies covered by agency
// workers, leaving, caseloads), the child's ties to people (begun, ended, the first contact on
// a tie kept across a move), and the kept children's care histories.
#include "carepath/sim/detail/authority.hpp"

#include <algorithm>
#include <cstdint>

namespace carepath::sim::detail {

// Posts and vacancies. A permanent worker leaves at the published turnover rate; the post
// then falls vacant for a time drawn with the mean that the published vacancy rate implies
// (mean_vacancy_years). A covered vacancy (sw_vacancy_cover_share) is held by agency workers
// one after another, each leaving at their own faster rate or when the post is filled; the
// cases of the post pass from each holder to the next. An uncovered vacancy's cases are shared
// out in the team and a permanent worker takes the post.
template <class V>
std::uint32_t basic_authority_model<V>::hire(bool agency, std::int32_t cover_until) {
    worker_rec w;
    w.person = new_person();
    w.agency = agency;
    w.cover_until = agency ? cover_until : never;
    // room for the caseload at which the team hires (pick_worker), so it seldom regrows
    w.caseload.reserve(
        static_cast<std::size_t>(cal_.sw_caseload.value * cal_.caseload_hire_factor.value) + 1);
    workers_.push_back(std::move(w));
    const auto id = static_cast<std::uint32_t>(workers_.size() - 1);
    active_workers_.push_back(id);
    return id;
}

template <class V>
std::int32_t basic_authority_model<V>::vacancy_end() {
    // a vacancy lasts as long as at baseline: a scenario's turnover changes how often posts
    // fall vacant, not how hard they are to fill
    const double mean = mean_vacancy_years(cal_.sw_vacancy_rate.value, cal_.sw_turnover.value);
    const auto from = std::max(now_, start_);
    if (!(mean > 0))
        return from; // no vacancies: the post is filled at once
    const double years = workers_rng_.exponential(1 / mean);
    const double day = from + years * days_per_year;
    return day >= static_cast<double>(end_) ? never : static_cast<std::int32_t>(day);
}

// A post of the workforce at the start or a new post: held by an agency worker covering a
// vacancy in the steady-state share (covered_vacancy_share), until a time drawn as for any
// vacancy (memoryless), or by a permanent worker.
template <class V>
std::uint32_t basic_authority_model<V>::hire_worker() {
    const bool agency = workers_rng_.bernoulli(
        covered_vacancy_share(cal_.sw_vacancy_rate.value, cal_.sw_vacancy_cover_share.value));
    return hire(agency, agency ? vacancy_end() : never);
}

template <class V>
std::uint32_t basic_authority_model<V>::hire_worker_now() {
    const auto w = hire_worker();
    schedule_worker(w, now_);
    return w;
}

template <class V>
void basic_authority_model<V>::schedule_worker(std::uint32_t w, std::int32_t from) {
    const double rate = cal_.sw_turnover.value * pol_->sw_turnover_factor
                        * (workers_[w].agency ? cal_.sw_agency_turnover_factor.value : 1.0);
    const double years = workers_rng_.exponential(rate);
    const auto own = years * days_per_year > (end_ - from) + 1
                         ? never
                         : from + std::max<std::int32_t>(1, static_cast<std::int32_t>(
                                                                years * days_per_year));
    const auto day = agency_leaving_day(own, workers_[w].cover_until);
    if (day > end_)
        return;
    push(std::max(day, from + 1), ev_worker, w, workers_[w].version);
}

template <class V>
std::uint32_t basic_authority_model<V>::pick_worker(child_rec& c) {
    // the least-loaded of two drawn at random: caseloads stay near the mean
    const auto n = static_cast<std::uint32_t>(active_workers_.size());
    auto a = active_workers_[c.rng.below(n)];
    auto b = active_workers_[c.rng.below(n)];
    auto w = workers_[a].caseload.size() <= workers_[b].caseload.size() ? a : b;
    if (static_cast<double>(workers_[w].caseload.size())
        >= cal_.sw_caseload.value * cal_.caseload_hire_factor.value) {
        w = hire_worker();
        schedule_worker(w, now_);
    }
    return w;
}

// Gives child `ci` a social worker: `to` when given (the next holder of the post), else one
// of the team's (pick_worker), never the one the child has or just had.
template <class V>
void basic_authority_model<V>::assign_worker(std::uint32_t ci, end_reason why, std::uint32_t to) {
    auto& c = children_[ci];
    const bool had = c.sw != none;
    if (had) {
        auto& load = workers_[c.sw].caseload;
        auto it = std::find(load.begin(), load.end(), ci);
        if (it != load.end())
            load.erase(it);
        end_tie(ci, workers_[c.sw].person, kinds::social_worker.code(), why, false);
    }
    auto w = to != none ? to : pick_worker(c);
    if (to == none && (w == c.sw || w == c.last_worker))
        w = hire_worker_now();
    c.sw = w;
    c.last_worker = w;
    workers_[w].caseload.push_back(ci);
    begin_tie(ci, workers_[w].person, kinds::social_worker.code());
    if (had) {
        c.last_sw = now_;
        acc()[tally::worker_changes] += 1;
    }
    if (c.history != none)
        log_event(c, {.day = now_, .what = logged::worker_changed, .person = workers_[w].person});
}

template <class V>
void basic_authority_model<V>::worker_leaves(std::uint32_t w) {
    if (!workers_[w].active)
        return;
    workers_[w].active = false;
    active_workers_.erase(std::find(active_workers_.begin(), active_workers_.end(), w));
    const auto load = workers_[w].caseload; // copied: hiring may move workers_
    const bool agency = workers_[w].agency;
    const auto cover_until = workers_[w].cover_until;
    std::uint32_t next = none; // the post's next holder, who takes its cases
    if (agency && now_ < cover_until)
        next = hire(true, cover_until); // another agency worker covers the same vacancy
    else if (agency)
        next = hire(false, never); // the vacancy is filled
    else if (workers_rng_.bernoulli(cal_.sw_vacancy_cover_share.value))
        next = hire(true, vacancy_end()); // the post falls vacant, covered
    const auto replacement = next != none ? next : hire(false, never);
    schedule_worker(replacement, now_);
    for (auto ci : load)
        if (children_[ci].in_care && children_[ci].sw == w)
            assign_worker(ci, end_reason::worker_change, next);
}

template <class V>
void basic_authority_model<V>::begin_tie(std::uint32_t ci, std::uint32_t other,
                                         std::uint16_t kind) {
    auto& c = children_[ci];
    const std::uint64_t bit = tie_bit(other, kind);
    if (c.tied & bit)
        for (const auto& t : c.ties)
            if (t.other == other && t.kind == kind)
                return; // already tied
    c.tied |= bit;
    c.ties.push_back(tie_rec{other, kind, now_});
    if (c.history != none)
        log_event(c, {.day = now_, .what = logged::relationship_begun, .kind = kind, .person = other});
}

template <class V>
bool basic_authority_model<V>::end_tie(std::uint32_t ci, std::uint32_t other, std::uint16_t kind,
                                       end_reason why, bool planned) {
    const auto& ties = children_[ci].ties;
    for (std::size_t i = 0; i < ties.size(); ++i)
        if (ties[i].other == other && ties[i].kind == kind) {
            end_tie_at(ci, i, now_, why, planned);
            return true;
        }
    return false;
}

// Ends the child's open tie at position `i` on `day` (not before it began: ties made while the
// stock is set up), logged for a kept child, and drops it: the other ties keep their order.
template <class V>
void basic_authority_model<V>::end_tie_at(std::uint32_t ci, std::size_t i, std::int32_t day,
                                          end_reason why, bool planned) {
    auto& c = children_[ci];
    const tie_rec t = c.ties[i];
    if (c.history != none)
        log_event(c, {.day = std::max(day, t.start),
                      .what = logged::relationship_ended,
                      .code = static_cast<std::uint8_t>(why),
                      .kind = t.kind,
                      .person = t.other,
                      .flag = planned});
    c.ties.erase(c.ties.begin() + static_cast<std::ptrdiff_t>(i));
}

// The contact arranged on a tie the child keeps across a move. These are model
// assumptions, not published figures, except the social worker's: a visit within a week
// of a new placement (Care Planning, Placement and Case Review (England) Regulations 2010,
// reg 28(2)(a)).
template <class V>
contact_frequency basic_authority_model<V>::arrangement_of(const child_rec& c,
                                                           const tie_rec& t) const {
    const auto k = t.kind;
    if (family_of_kind(k) == kind_family::sibling) {
        for (auto s : families_[c.family].children)
            if (children_[s].gid == t.other)
                return children_[s].in_care && children_[s].carer == c.carer
                           ? contact_frequency::daily // placed together
                           : contact_frequency::fortnightly;
        return contact_frequency::fortnightly;
    }
    if (k == kinds::teacher.code())
        return contact_frequency::daily; // same school
    if (k == kinds::social_worker.code())
        return contact_frequency::weekly;
    if (t.other == carers_[c.carer].person)
        return contact_frequency::daily; // back with the held-open carer
    return contact_frequency::monthly;   // birth family, former and held-open carers
}

// After a move: the first contact on each tie the child kept (it began before the move,
// or it is a foster carer kept as a former carer), given its arrangement. Recorded when
// the run ends, and then only inside the tie's spell and the simulated horizon, because a
// tie may yet end before its contact day.
template <class V>
void basic_authority_model<V>::plan_contacts(std::uint32_t ci) {
    const auto& c = children_[ci];
    for (const auto& t : c.ties) {
        if (t.start >= now_ && t.kind != kinds::former_foster_carer.code())
            continue; // gained at the move, not kept across it
        const auto day = now_ + days_to_first_contact(arrangement_of(c, t));
        if (day <= end_)
            contacts_.push_back(planned_contact{c.history, t.other, t.kind, day});
    }
}

// The planned contacts, logged after every other record: each history then gets its own
// contacts after its events, and its lists are sized for them at once (added after the
// histories were built, they doubled each history's events at the peak: 51 MB of 100).
template <class V>
void basic_authority_model<V>::record_contacts() {
    for (const auto& p : contacts_)
        log_.push({.history = p.history,
                   .day = p.day,
                   .what = logged::contact,
                   .kind = p.kind,
                   .person = p.other});
    contacts_.clear();
}

// A kept child's event, logged for its history (built when the run ends, history_log.hpp:
// the model keeps to the history's rules; a refusal is counted then, so tests can see it).
template <class V>
void basic_authority_model<V>::log_event(const child_rec& c, log_record r) {
    r.history = c.history;
    log_.push(r);
}

// Today's entry, re-entry or change of placement of a kept child, into the placement its
// records now hold.
template <class V>
void basic_authority_model<V>::log_placement(const child_rec& c, logged what, legal_status status,
                                             std::optional<change_reason> why, bool hold) {
    log_event(c, {.day = now_,
                  .what = what,
                  .code = static_cast<std::uint8_t>(status),
                  .person = carers_[c.carer].person,
                  .type = placement_type_of(c.home, c.long_term, c.with_own_carers,
                                            calendar_year(now_)),
                  .reason = why,
                  .inside = c.inside,
                  .flag = hold});
}

} // namespace carepath::sim::detail
