#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// Children coming into care: families and children, arrivals (from the calibrated entries or a
// population projection), and placing an arriving or returning sibling group.
#include "carepath/sim/detail/authority.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>

namespace carepath::sim::detail {

// Families arrive with s children (1 when unaccompanied, else 1-4 by `sizes`). If a family is
// sent whenever T children are owed, the children owed average T - (E[s^2] / E[s] + 1) / 2 over
// time (a renewal argument: each family starts a run of s leavers). Sending it at one owed child
// with this chance, else at two, makes that average 0.
[[nodiscard]] inline double replace_at_one(const std::array<double, 4>& sizes, double uasc) {
    double total = 0, m1 = 0, m2 = 0;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        const double s = static_cast<double>(k + 1);
        total += sizes[k];
        m1 += sizes[k] * s;
        m2 += sizes[k] * s * s;
    }
    if (total <= 0)
        return 1;
    m1 = uasc + (1 - uasc) * m1 / total;
    m2 = uasc + (1 - uasc) * m2 / total;
    return std::clamp(2 - (m2 / m1 + 1) / 2, 0.0, 1.0);
}

// The day numbers of the birthdays at `age_edges` of a child born on day `birth`, as core
// birthday() gives them (29 February births on 1 March in other years). Each is the birth day
// plus 365 a year plus the 29 Februaries passed: cheaper than seven calendar conversions for
// each of a run's half a million children.
[[nodiscard]] inline std::array<std::int32_t, age_edges.size()> edge_birthdays(std::int32_t birth) {
    const std::chrono::year_month_day born{to_date(birth)};
    const int y = static_cast<int>(born.year());
    const unsigned m = static_cast<unsigned>(born.month());
    const unsigned d = static_cast<unsigned>(born.day());
    std::array<std::int32_t, age_edges.size()> out{};
    if (m == 2 && d == 29) { // rare: core's rule for the years without one
        for (std::size_t i = 0; i < age_edges.size(); ++i)
            out[i] = day_number(birthday(to_date(birth), age_edges[i]));
        return out;
    }
    // leap years up to year n (n >= 0: the Gregorian rule, counted from year 0)
    auto leaps_to = [](int n) { return n / 4 - n / 100 + n / 400; };
    // the 29 Februaries before the birthday in year y + k: years y + 1 .. y + k for a birthday
    // after February, y .. y + k - 1 for one in January or February
    const int first = m > 2 ? y + 1 : y;
    const int before = leaps_to(first - 1);
    for (std::size_t i = 0; i < age_edges.size(); ++i) {
        const int k = age_edges[i];
        out[i] = birth + 365 * k + (leaps_to(first + k - 1) - before);
    }
    return out;
}

template <class V>
std::uint32_t basic_authority_model<V>::new_family(stream& r) {
    family_rec f;
    f.mother = new_person();
    if (r.bernoulli(cal_.father_recorded.value))
        f.father = new_person(); // fathers often unrecorded: assumption
    // never more than the family record holds, whatever the calibration says
    const auto g = std::min<std::uint32_t>(
        r.below(static_cast<std::uint32_t>(cal_.grandparents_max.value) + 1),
        static_cast<std::uint32_t>(f.grandparents.size()));
    for (std::uint32_t i = 0; i < g; ++i)
        f.grandparents[i] = new_person();
    families_.push_back(std::move(f));
    return static_cast<std::uint32_t>(families_.size() - 1);
}

template <class V>
std::uint32_t basic_authority_model<V>::new_child(std::uint32_t fam, std::int32_t birth,
                                                 bool male) {
    child_rec c;
    c.gid = new_person();
    c.family = fam;
    c.birth = birth;
    c.edge_days = edge_birthdays(birth);
    c.male = male;
    c.rng = stream{rng_key{in_.seed, in_.replicate, c.gid, purpose::child_events}};
    children_.push_back(std::move(c));
    const auto ci = static_cast<std::uint32_t>(children_.size() - 1);
    families_[fam].children.push_back(ci);
    if (kept_ < in_.keep_histories) {
        auto& cc = children_[ci];
        cc.history = static_cast<std::uint32_t>(result_.histories.size());
        child subject;
        subject.id = child_id{cc.gid};
        subject.as_person = person_id{cc.gid};
        subject.birth_date = to_date(birth);
        subject.sex = male ? sex::male : sex::female;
        subject.responsible_authority = in_.id;
        result_.histories.emplace_back(subject);
        ++kept_;
    }
    const auto& fr = families_[fam];
    // ties to the birth family; siblings are tied when they join
    now_ = std::max(now_, start_);
    const auto keep_now = now_;
    now_ = std::max(birth, start_);
    begin_tie(ci, fr.mother, kinds::birth_parent.code());
    if (fr.father != none)
        begin_tie(ci, fr.father, kinds::birth_parent.code());
    for (auto gp : fr.grandparents)
        if (gp != none)
            begin_tie(ci, gp, kinds::grandparent.code());
    for (auto sib : fr.children)
        if (sib != ci) {
            begin_tie(ci, children_[sib].gid, kinds::full_sibling.code());
            begin_tie(sib, children_[ci].gid, kinds::full_sibling.code());
        }
    now_ = keep_now;
    return ci;
}

template <class V>
double basic_authority_model<V>::entries_per_year() const {
    if (in_.projection && !in_.projection->children.empty()) {
        const int y = year_of(to_date(now_))
                      + (to_date(now_) > date{std::chrono::year{year_of(to_date(now_))}
                                              / std::chrono::March / 31}
                             ? 1
                             : 0);
        const auto& p = *in_.projection;
        const auto k = static_cast<std::size_t>(
            std::clamp(y - p.first_year, 0, static_cast<int>(p.children.size()) - 1));
        double total = 0;
        for (std::size_t b = 0; b < band_count; ++b)
            total += p.children[k][b] * p.entry_rate_per_10k[b] / 10000;
        return total * in_.share;
    }
    return cal_.entries_per_year.value * in_.share;
}

template <class V>
std::array<double, band_count> basic_authority_model<V>::entry_ages() const {
    if (in_.projection && !in_.projection->children.empty()) {
        const auto& p = *in_.projection;
        std::array<double, band_count> w{};
        for (std::size_t b = 0; b < band_count; ++b)
            w[b] = p.children.front()[b] * p.entry_rate_per_10k[b];
        return w;
    }
    return cal_.entry_age.values;
}

template <class V>
double basic_authority_model<V>::mean_family_size() const {
    const auto& s = cal_.sibling_group_size.values;
    const double non_uasc = 1 + s[1] + 2 * s[2] + 3 * s[3];
    return cal_.entry_uasc.value + (1 - cal_.entry_uasc.value) * non_uasc;
}

// Arrivals keep a clock in fractions of a day: rounding each gap to whole days would bias
// the rate when gaps are a few days long (a large authority).
template <class V>
void basic_authority_model<V>::schedule_arrival(std::int32_t from) {
    if (arrival_clock_ < from)
        arrival_clock_ = from;
    const double rate = entries_per_year() / mean_family_size();
    if (!(rate > 0))
        return; // no entries (a council whose returns show none): no arrival ever comes
    arrival_clock_ += arrivals_.exponential(rate) * days_per_year;
    const auto day = static_cast<std::int32_t>(std::floor(arrival_clock_)) + 1;
    if (day <= end_)
        push(day, ev_arrival, 0, 0);
}

// During a burn-in the count of children in care is held at the stock's: each leaver (less
// each child coming back) is owed an entry, made the same day as a new family. A family can
// bring more children than are owed; the family is sent when one child is owed with the chance
// that makes the count's mean the stock's (detail::replace_at_one), else when two are.
template <class V>
void basic_authority_model<V>::replace_leavers(double change) {
    if (now_ >= burn_in_until_)
        return;
    replacements_due_ += change;
    if (replacement_pushed_ || replacements_due_ < 1)
        return;
    if (replacements_due_ >= 2
        || arrivals_.bernoulli(replace_at_one(cal_.sibling_group_size.values, cal_.entry_uasc.value))) {
        push(now_, ev_arrival, 0, 0);
        replacement_pushed_ = true;
    }
}

template <class V>
void basic_authority_model<V>::arrival() {
    const bool replacing = now_ < burn_in_until_;
    const bool uasc = arrivals_.bernoulli(cal_.entry_uasc.value);
    std::size_t size = 1;
    if (!uasc)
        size = arrivals_.choose(cal_.sibling_group_size.values) + 1;
    const auto fam = new_family(arrivals_);
    // the first child's age; siblings 1-3 years apart
    const auto ages = entry_ages();
    std::int32_t birth = 0;
    if (uasc) {
        birth = now_
                - static_cast<std::int32_t>((cal_.uasc_entry_age.values[0]
                                             + arrivals_.uniform() * cal_.uasc_entry_age.values[1])
                                            * days_per_year);
    } else {
        static constexpr std::array<int, band_count + 1> edges{0, 1, 5, 10, 16, 18};
        const auto b = arrivals_.choose(ages);
        birth = now_
                - static_cast<std::int32_t>(
                    (edges[b] + arrivals_.uniform() * (edges[b + 1] - edges[b])) * days_per_year)
                - 1;
    }
    const auto& gap = cal_.sibling_age_gap_years.values;
    small_vec<std::uint32_t, 4> group; // 1-4 children: no allocation
    for (std::size_t i = 0; i < size; ++i) {
        std::int32_t b = birth;
        if (i > 0) {
            b = birth
                + static_cast<std::int32_t>((gap[0] + gap[1] * arrivals_.uniform()) * days_per_year
                                            * static_cast<double>(i)
                                            * (arrivals_.bernoulli(0.5) ? 1 : -1));
            b = std::clamp(
                b,
                now_ - static_cast<std::int32_t>(cal_.sibling_entry_age_max.value * days_per_year),
                now_ - 1);
        }
        // entrants are under 18; fewer than 18 x 365 days old is under 18 whatever the leap
        // days, which spares most children the calendar
        while (now_ - b >= 18 * year_days && age_on(to_date(b), to_date(now_)) >= 18)
            b += 30;
        const auto ci = new_child(fam, b, arrivals_.bernoulli(cal_.male.value / 100));
        children_[ci].uasc = uasc;
        group.push_back(ci);
    }
    enter_group({group.data(), group.size()}, false);
    if (replacing) {
        replacement_pushed_ = false;
        replace_leavers(-static_cast<double>(group.size()));
    } else {
        schedule_arrival(start_);
    }
}

template <class V>
home_kind basic_authority_model<V>::draw_home(child_rec& c, bool entry) {
    const auto b = static_cast<std::size_t>(band_of(age_at(c, now_)));
    auto w = entry ? cal_.entry_home[b] : cal_.move_home[b];
    if (c.uasc) {
        w[static_cast<std::size_t>(home_kind::kinship_foster)] = 0;
        w[static_cast<std::size_t>(home_kind::with_parents)] = 0;
    }
    if (pol_->kinship_support)
        w[static_cast<std::size_t>(home_kind::kinship_foster)] *=
            cal_.kinship_placement_factor.value;
    return static_cast<home_kind>(c.rng.choose(w));
}

// Places child `ci` in a new home of kind `h` (entry, re-entry or move).
template <class V>
void basic_authority_model<V>::set_home(std::uint32_t ci, home_kind h, std::uint32_t carer) {
    auto& c = children_[ci];
    c.home = h;
    c.carer = carer;
    c.inside =
        carers_[carer].unlimited ? (carer == carers_.provider(h, true)) : carers_[carer].inside;
    c.placement_start = now_;
    c.last_change = now_;
    c.with_own_carers = false;
    c.long_term = false;
    carers_.occupy(carer, ci);
    if (carer_kind(h) != 0 && !has_open_tie(c, carers_[carer].person))
        begin_tie(ci, carers_[carer].person, carer_kind(h));
    cohorts_.placed(ci, children_[ci].home, now_);
}

// Placements in the year count every period of care in it, as the DfE's "placements during
// the year" do: a child back in care in the year they left keeps that period's placements, and
// this entry's placement is one more (a move, in `moves_year`'s count of placements after the
// first). In care in the year means a day after the last snapshot (days in care run from
// entry up to, not including, the exit day).
template <class V>
std::uint16_t basic_authority_model<V>::moves_before_entry(const child_rec& c) const {
    const std::int32_t year_start = year_start_of(now_);
    if (c.exit_day == never || c.exit_day <= year_start + 1)
        return 0;
    return static_cast<std::uint16_t>(c.moves_year + 1);
}

template <class V>
void basic_authority_model<V>::enter_group(std::span<const std::uint32_t> group, bool reentry) {
    // the group's first child sets the kind of home; siblings join it unless a reason to
    // place them apart is recorded, in a household with room for them all when one is found
    // (carer_pool::household_with_room); else the group is split
    const std::size_t n = group.size();
    const bool policy = pol_->siblings == sibling_policy::together_unless_reason;
    bool together = false;
    if (n > 1) {
        const double apart = policy ? 1 - cal_.siblings_together_policy.value
                                    : cal_.siblings_apart_reason.value;
        together = !children_[group[0]].rng.bernoulli(apart);
    }
    // a group placed together lives with kin or foster carers (a children's home is not
    // sought for a group)
    home_kind shared = draw_home(children_[group[0]], !reentry);
    if (together && shared != home_kind::foster && shared != home_kind::kinship_foster)
        shared = home_kind::foster;
    std::uint32_t shared_carer = none;
    for (std::size_t i = 0; i < n; ++i) {
        const auto ci = group[i];
        auto& c = children_[ci];
        const home_kind h = together ? shared : (i == 0 ? shared : draw_home(c, !reentry));
        std::uint32_t carer = none;
        if (together && shared_carer != none
            && (carers_[shared_carer].unlimited
                || carers_[shared_carer].used < carers_[shared_carer].places))
            carer = shared_carer;
        if (carer == none) {
            carer = find_home(ci, h, c.rng.bernoulli(inside_share(cal_, *pol_, h)),
                              together ? static_cast<std::uint32_t>(n - i) : 1,
                              together && policy);
            if (together && shared_carer == none)
                shared_carer = carer;
        }
        c.in_care = true;
        c.period_start = now_;
        c.status_start = now_;
        c.moves_year = moves_before_entry(c);
        c.held_carer = none;
        c.held_until = never;
        if (c.uasc)
            c.legal = legal_group::accommodated_s20;
        else if (c.rng.bernoulli(cal_.entry_s20.value))
            c.legal = legal_group::accommodated_s20;
        else
            c.legal = legal_group::interim_care_order;
        c.hearing = never;
        if (c.legal == legal_group::interim_care_order)
            schedule_hearing(c);
        const int y = year_index(now_);
        auto& a = acc();
        if (c.counted_entry_year != y + 1) {
            a[tally::entries] += 1;
            if (n > 1)
                a[tally::entries_with_siblings] += 1;
            c.counted_entry_year = y + 1;
        }
        if (c.history != none) {
            // set the home first so the placement value is right, then record the entry
            c.home = h;
            c.carer = carer;
            c.inside = carers_[carer].unlimited ? (carer == carers_.provider(h, true))
                                                : carers_[carer].inside;
            c.long_term = false;
            c.with_own_carers = false;
            const auto ev_legal = legal_status_of(c.legal);
            // a child who left before the start date has no earlier period in the history
            log_placement(c,
                          reentry && log_.has_period(c.history) ? logged::reentered
                                                                : logged::entered,
                          ev_legal);
        }
        set_home(ci, h, carer);
        (void)start_school(ci);
        c.last_school = now_;
        c.last_move = now_;
        assign_worker(ci, end_reason::worker_change);
        c.last_sw = now_;
        if (c.exit_log != none)
            cohorts_.came_back(c.exit_log, now_);
        schedule(ci);
    }
}

template <class V>
void basic_authority_model<V>::schedule_hearing(child_rec& c) {
    const double weeks =
        cal_.plo_weeks.value + c.rng.exponential(1.0 / cal_.proceedings_extra_weeks.value);
    c.hearing = now_ + static_cast<std::int32_t>(weeks * 7);
}

} // namespace carepath::sim::detail
