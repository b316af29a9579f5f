#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The starting stock: the children in care on the stock date, drawn from England's published
// margins (age, kind of home, legal status, UASC) joined by iterative proportional fitting,
// or given as care histories; each is placed, tied to a social worker and scheduled.
#include "carepath/sim/detail/authority.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace carepath::sim::detail {

// The children each authority draws for the stock: `total` split by `shares` (scale
// included) into whole parts that sum to the whole total rounded, by largest remainder, ties
// to the lower index. Rounding each part alone lost 12 of England's 78,140 children and, at a
// tenth of England, 62 of 7,814 (0.8%), because 152 equal parts' fractions all fall one way.
inline std::vector<std::uint32_t> stock_parts(double total, std::span<const double> shares) {
    std::vector<std::uint32_t> parts(shares.size());
    std::vector<double> left(shares.size());
    double whole = 0;
    std::uint64_t given = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const double exact = std::max(0.0, total * shares[i]);
        whole += exact;
        parts[i] = static_cast<std::uint32_t>(std::floor(exact));
        left[i] = exact - parts[i];
        given += parts[i];
    }
    const auto target = static_cast<std::uint64_t>(std::llround(whole));
    std::vector<std::size_t> order(shares.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return left[a] > left[b]; });
    for (std::size_t k = 0; given < target && k < order.size(); ++k, ++given)
        ++parts[order[k]];
    return parts;
}

// Iterative proportional fitting: scales `m` until its row sums are `rows` and column sums
// are `cols` (both summing to the same total). Used to build joint distributions of the
// starting stock from published margins and an assumed pattern of structural zeros.
template <std::size_t R, std::size_t C>
void ipf(std::array<std::array<double, C>, R>& m, const std::array<double, R>& rows,
         const std::array<double, C>& cols) {
    for (int it = 0; it < 200; ++it) {
        for (std::size_t r = 0; r < R; ++r) {
            double s = 0;
            for (double v : m[r])
                s += v;
            if (s > 0)
                for (double& v : m[r])
                    v *= rows[r] / s;
        }
        for (std::size_t c = 0; c < C; ++c) {
            double s = 0;
            for (std::size_t r = 0; r < R; ++r)
                s += m[r][c];
            if (s > 0)
                for (std::size_t r = 0; r < R; ++r)
                    m[r][c] *= cols[c] / s;
        }
    }
}

/// The joint distributions the stock is drawn from.
struct stock_plan {
    std::array<std::array<double, home_count>, band_count> age_home{};    ///< age band x home
    std::array<std::array<double, legal_count>, home_count> home_legal{}; ///< home x legal
    std::vector<double> cells; ///< `age_home` flattened, row by row, to draw a cell from
    double uasc_chance = 0;    ///< chance a 14+ child under s20 (not with family) is UASC
};

/// Fits the stock's joint distributions to the calibration's margins.
template <class = void>
[[nodiscard]] stock_plan fit_stock(const calibration& cal) {
    stock_plan p;
    // joint age x home from the published margins, with the pattern of moves and entries
    auto& ah = p.age_home;
    for (std::size_t b = 0; b < band_count; ++b)
        for (std::size_t h = 0; h < home_count; ++h)
            ah[b][h] = cal.move_home[b][h] + cal.entry_home[b][h];
    for (std::size_t b = 0; b < cal.stock_adoption_seed.values.size(); ++b)
        ah[b][static_cast<std::size_t>(home_kind::placed_for_adoption)] =
            cal.stock_adoption_seed.values[b];
    const std::array<double, band_count> rows = cal.stock_age.values;
    const std::array<double, home_count> cols = cal.stock_home.values;
    ipf(ah, rows, cols);
    // legal group by home
    auto& hl = p.home_legal;
    hl = cal.stock_legal_by_home.values;
    const double co = 100 - cal.stock_s20.value - cal.stock_placement_order.value;
    const std::array<double, legal_count> lcols{
        cal.stock_s20.value, co * cal.stock_interim_of_care_orders.value,
        co * (1 - cal.stock_interim_of_care_orders.value), cal.stock_placement_order.value};
    ipf(hl, cols, lcols);
    for (const auto& r : ah)
        for (double v : r)
            p.cells.push_back(v);
    // how many 14+ s20 children there are decides the UASC chance among them
    double older_s20 = 0;
    for (std::size_t h = 0; h < home_count; ++h) {
        const double s20 = hl[h][0] / cols[h];
        older_s20 += (ah[4][h] + ah[3][h] / 3) * s20;
    }
    p.uasc_chance = std::min(1.0, cal.stock_uasc.value / std::max(1e-9, older_s20));
    return p;
}

template <class V>
void basic_authority_model<V>::seed_stock() {
    const auto n = in_.stock;
    const auto plan = fit_stock(cal_);
    const auto& ah = plan.age_home;
    const auto& hl = plan.home_legal;
    stream init{
        rng_key{in_.seed, in_.replicate, (std::uint64_t{4} << 40) | in_.index, purpose::initial}};
    const double uasc_p = plan.uasc_chance;
    static constexpr std::array<int, band_count + 1> edges{0, 1, 5, 10, 16, 18};
    const auto& gap = cal_.sibling_age_gap_years.values;
    std::uint32_t made = 0;
    while (made < n) {
        // a family: its first child from the joint distribution, siblings near in age,
        // living together unless a reason is recorded, as entrants do
        const std::size_t size =
            std::min<std::size_t>(n - made, init.choose(cal_.sibling_group_size.values) + 1);
        const auto fam = new_family(init);
        const auto cell = init.choose(plan.cells);
        const auto first_band = cell / home_count;
        const double first_age =
            edges[first_band] + init.uniform() * (edges[first_band + 1] - edges[first_band]);
        const bool together = size > 1 && !init.bernoulli(cal_.siblings_apart_reason.value);
        std::uint32_t shared_carer = none;
        home_kind first_home = static_cast<home_kind>(cell % home_count);
        legal_group first_legal = legal_group::care_order;
        for (std::size_t i = 0; i < size; ++i, ++made) {
            double age_years = first_age;
            home_kind h = first_home;
            if (i > 0) {
                age_years = std::clamp(first_age
                                           + (init.bernoulli(0.5) ? 1 : -1)
                                                 * (gap[0] + gap[1] * init.uniform())
                                                 * static_cast<double>(i),
                                       0.05, 17.95);
                if (!together) {
                    const auto b = static_cast<std::size_t>(band_of(static_cast<int>(age_years)));
                    h = static_cast<home_kind>(init.choose(ah[b]));
                }
            }
            const auto l =
                (i > 0 && together)
                    ? first_legal
                    : static_cast<legal_group>(init.choose(hl[static_cast<std::size_t>(h)]));
            if (i == 0)
                first_legal = l;
            const std::int32_t birth =
                start_ - static_cast<std::int32_t>(age_years * days_per_year) - 1;
            const auto ci = new_child(fam, birth, init.bernoulli(cal_.male.value / 100));
            auto& c = children_[ci];
            const int a = age_at(c, start_);
            c.uasc = l == legal_group::accommodated_s20 && a >= 14 && h != home_kind::with_parents
                     && h != home_kind::kinship_foster && h != home_kind::placed_for_adoption
                     && init.bernoulli(uasc_p);
            // time in care and in placement before the stock date: assumptions (the data
            // has no durations): uniform over the child's life up to 6 years, then a share
            const double in_care_years = std::max(
                0.01, init.uniform() * std::min(age_years, cal_.stock_care_years_max.value));
            const double in_placement = in_care_years
                                        * (cal_.stock_placement_share.values[0]
                                           + cal_.stock_placement_share.values[1] * init.uniform());
            c.period_start = start_ - static_cast<std::int32_t>(in_care_years * days_per_year);
            c.placement_start = start_ - static_cast<std::int32_t>(in_placement * days_per_year);
            if (c.period_start < c.birth)
                c.period_start = c.birth;
            if (c.placement_start < c.period_start)
                c.placement_start = c.period_start;
            const bool lt_possible = (h == home_kind::foster || h == home_kind::kinship_foster)
                                     && l == legal_group::care_order && a >= 4;
            c.long_term = lt_possible && init.bernoulli(cal_.stock_long_term_share.value);
            const bool share =
                together && (h == home_kind::foster || h == home_kind::kinship_foster);
            place_initial(ci, h, l, init, std::nullopt, share ? shared_carer : none,
                          share ? static_cast<std::uint32_t>(size - i) : 1);
            if (share && shared_carer == none)
                shared_carer = children_[ci].carer;
        }
    }
}

template <class V>
void basic_authority_model<V>::seed_given() {
    for (const auto& s : *in_.seeds) {
        const auto fam = new_family(carers_.rng());
        const auto ci =
            new_child(fam, day_number(s.subject.birth_date), s.subject.sex == sex::male);
        auto& c = children_[ci];
        c.uasc = s.subject.unaccompanied_asylum_seeking;
        c.period_start = s.period_start;
        c.placement_start = s.placement_start;
        c.long_term = s.long_term;
        place_initial(ci, s.home, s.legal, carers_.rng(), s.inside);
    }
}

template <class V>
void basic_authority_model<V>::place_initial(std::uint32_t ci, home_kind h, legal_group l,
                                             stream& init, std::optional<bool> inside_given,
                                             std::uint32_t with_carer, std::uint32_t need) {
    auto& c = children_[ci];
    const bool inside = inside_given ? *inside_given : init.bernoulli(inside_share(cal_, *pol_, h));
    c.in_care = true;
    c.home = h;
    c.legal = l;
    c.status_start = c.period_start;
    std::uint32_t carer = with_carer;
    if (carer != none && !carers_[carer].unlimited && carers_[carer].used >= carers_[carer].places)
        carer = none;
    // siblings to be placed together get a home with room for them when one is found
    if (carer == none)
        carer = find_home(ci, h, inside, need,
                          need > 1 && pol_->siblings == sibling_policy::together_unless_reason);
    c.carer = carer;
    c.inside = carers_[carer].unlimited ? inside : carers_[carer].inside;
    carers_.occupy(carer, ci);
    if (c.history != none) {
        // a sketch of the time before the stock date: entry, then the current placement
        const std::int32_t keep_now = now_;
        now_ = c.period_start;
        const legal_group entry_legal =
            l == legal_group::placement_order ? legal_group::care_order : l;
        log_placement(c, logged::entered, legal_status_of(entry_legal));
        if (l != entry_legal) {
            now_ = c.placement_start;
            log_event(c, {.day = now_,
                          .what = logged::legal_changed,
                          .code = static_cast<std::uint8_t>(legal_status_of(l))});
        }
        now_ = keep_now;
    }
    now_ = start_;
    if (carer_kind(h) != 0)
        begin_tie(ci, carers_[carer].person, carer_kind(h));
    if (start_school(ci))
        c.last_school = c.placement_start;
    assign_worker(ci, end_reason::worker_change);
    if (l == legal_group::interim_care_order)
        c.hearing =
            start_ + 1 + static_cast<std::int32_t>(init.uniform() * cal_.plo_weeks.value * 7);
    schedule(ci);
}

// ---- a stock given as care histories -------------------------------------------------------
// The simulated home and legal group of an SSDA903 placement type and legal status. The model
// has one kind for every setting other than family, children's home and independent living:
// the health settings, family centres and other placements (R2, R3, Z1, Z11-Z14) are there,
// as they are in the forecasts' `other` group, and so are temporary stays (T0-T4) when the
// placement they return to is not known (`usual_placement_on` gives it where it is).
inline std::optional<home_kind> home_of(placement_type t) noexcept {
    switch (family_of(t)) {
    case placement_family::foster:
        return home_kind::foster;
    case placement_family::kinship_foster:
        return home_kind::kinship_foster;
    case placement_family::adoption:
        return home_kind::placed_for_adoption;
    case placement_family::with_parents:
        return home_kind::with_parents;
    case placement_family::independent:
        return t == placement_type::P2 ? home_kind::independent : home_kind::semi_independent;
    case placement_family::residential:
        return t == placement_type::K2 ? home_kind::childrens_home : home_kind::other_residential;
    case placement_family::secure:
    case placement_family::temporary:
    case placement_family::other:
        return home_kind::other_residential;
    }
    return std::nullopt;
}
inline std::optional<legal_group> legal_of(legal_status s) noexcept {
    switch (s) {
    case legal_status::accommodated_s20:
        return legal_group::accommodated_s20;
    case legal_status::interim_care_order:
        return legal_group::interim_care_order;
    case legal_status::care_order:
    case legal_status::freeing_order:
        return legal_group::care_order;
    case legal_status::placement_order:
        return legal_group::placement_order;
    case legal_status::emergency_protection_order:
    case legal_status::police_protection:
    case legal_status::child_assessment_order:
        return legal_group::interim_care_order;
    default:
        return std::nullopt;
    }
}

// A temporary stay (T0-T4) is time in the child's usual home (docs/forecast.md): "a child in a
// temporary placement must subsequently return to his/her normal placement" (DfE SSDA903 rule
// 383), and the model has no stays. So neither the stay nor the return is a move of home, and
// the return does not restart the time in placement.
// The home `p` (a placement of `h`) continues after stays: the home before them when `p` is
// that home again (same carer, or same type and place, as rule 383 checks PLACE and PL_POST:
// the SSDA903 import gives each RNE P a new carer id), else nullptr.
inline const placement_spell* home_before_stay(const care_history& h, const placement_spell& p) {
    const date before = p.period.start() - days{1};
    const auto* stay = h.placement_on(before);
    if (!stay || !is_temporary(stay->where.type))
        return nullptr;
    const auto* home = usual_placement_on(h, before);
    const auto& a = home->where;
    const auto& b = p.where;
    const bool same = same_carer(a, b) || (a.type == b.type && a.location == b.location);
    return home != stay && same ? home : nullptr;
}
// The first day of the child's time in the home `p`, followed back through temporary stays.
inline date home_since(const care_history& h, const placement_spell& p) {
    const placement_spell* home = &p;
    while (const auto* earlier = home_before_stay(h, *home))
        home = earlier;
    return home->period.start();
}

// The children in care on `start` among the histories, as seeds for their authorities.
template <class = void>
std::vector<std::pair<local_authority_id, seed_child>>
seeds_from(const std::vector<care_history>& hs, date start) {
    std::vector<std::pair<local_authority_id, seed_child>> out;
    for (const auto& h : hs) {
        if (!h.in_care_on(start))
            continue;
        const auto* p = usual_placement_on(h, start);
        const auto ls = h.legal_status_on(start);
        if (!p || !ls)
            continue;
        seed_child s;
        s.subject = h.subject();
        s.home = home_of(p->where.type).value_or(home_kind::foster);
        s.legal = legal_of(*ls).value_or(legal_group::care_order);
        for (const auto& per : h.periods())
            if (per.period.contains(start))
                s.period_start = day_number(per.period.start());
        s.placement_start = day_number(home_since(h, *p));
        s.long_term = p->where.long_term_fostering;
        s.inside = p->where.location.inside_home_authority;
        if (age_on(s.subject.birth_date, start + days{1}) >= 18)
            continue;
        out.emplace_back(s.subject.responsible_authority, std::move(s));
    }
    return out;
}

} // namespace carepath::sim::detail
