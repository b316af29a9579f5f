#pragma once
// The simulation of one local authority: its children, families, carers and social workers,
// in continuous time at day resolution. Authorities do not interact, so each one is run alone
// (on any thread) and the results are added up in authority order; together with the
// counter-based streams this makes a run's output independent of the number of threads.
#include "carepath/core/care_history.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/tally.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/scenario.hpp"
#include "carepath/sim/summary.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

namespace carepath::sim {

/// Children's population projection: children by age band per year, and entry rates per
/// 10,000 children by band. Entries in year y are the sum over bands of children x rate / 1e4.
struct population_projection {
    int first_year = 2020; ///< the year ending 31 March whose population is `children[0]`
    std::vector<std::array<double, band_count>> children;
    std::array<double, band_count> entry_rate_per_10k{};
};

} // namespace carepath::sim

namespace carepath::sim::detail {

inline constexpr std::uint32_t none = 0xffffffffU;
inline constexpr std::int32_t never = INT32_MAX;

inline std::int32_t day_number(date d) noexcept {
    return static_cast<std::int32_t>(d.time_since_epoch().count());
}
inline date to_date(std::int32_t d) noexcept {
    return date{days{d}};
}

/// The SSDA903 placement type a simulated home stands for in year `year`.
inline placement_type placement_type_of(home_kind h, bool long_term, bool with_own_carers,
                                        int year) noexcept {
    using p = placement_type;
    switch (h) {
    case home_kind::foster:
        return long_term ? p::U4 : p::U6;
    case home_kind::kinship_foster:
        return long_term ? p::U1 : p::U3;
    case home_kind::childrens_home:
        return p::K2;
    case home_kind::semi_independent:
        return valid_in_year(p::H5, year) ? p::H5 : p::K3;
    case home_kind::independent:
        return valid_in_year(p::P2, year) ? p::P2 : p::K3;
    case home_kind::with_parents:
        return p::P1;
    case home_kind::placed_for_adoption:
        return with_own_carers ? p::A5 : p::A6;
    case home_kind::other_residential:
        return p::R1;
    }
    return p::U6;
}
inline legal_status legal_status_of(legal_group g) noexcept {
    switch (g) {
    case legal_group::accommodated_s20:
        return legal_status::accommodated_s20;
    case legal_group::interim_care_order:
        return legal_status::interim_care_order;
    case legal_group::care_order:
        return legal_status::care_order;
    case legal_group::placement_order:
        return legal_status::placement_order;
    }
    return legal_status::care_order;
}

/// A relationship of a simulated child, compactly.
struct tie_rec {
    std::uint32_t other;
    std::uint16_t kind; // relationship_kind code
    std::int32_t start;
    std::int32_t end = never;
    end_reason reason = end_reason::not_known;
};

struct child_rec {
    std::uint32_t gid = 0;    // global child number (authority << 22 | local)
    std::uint32_t family = 0; // index into families
    std::int32_t birth = 0;
    std::int32_t period_start = 0, placement_start = 0, status_start = 0;
    std::int32_t last_move = INT32_MIN / 2, last_school = INT32_MIN / 2, last_sw = INT32_MIN / 2;
    std::int32_t hearing = never;             // interim order's final hearing
    std::int32_t last_change = INT32_MIN / 2; // day of the last change of placement record
    std::int32_t held_until = never;
    std::int32_t exit_day = never;
    std::int32_t counted_entry_year = 0, counted_exit_year = 0;
    home_kind home = home_kind::foster;
    legal_group legal = legal_group::care_order;
    exit_route last_exit = exit_route::other;
    bool in_care = false, uasc = false, male = false, long_term = false, inside = true;
    bool with_own_carers = false, followed = false, in_school = false, held_long_term = false;
    std::uint32_t carer = none, held_carer = none, sw = none, last_worker = none;
    std::uint32_t exit_log = none;
    std::uint16_t moves_year = 0;
    std::uint32_t version = 0;
    stream rng;
    std::vector<tie_rec> ties;
    std::uint32_t history = none;            // index into histories when kept
    std::uint8_t pending = 0;                // the outcome drawn for the scheduled event
    std::array<std::int32_t, 7> edge_days{}; // birthdays at the ages the model asks about
};

// The only ages the model's rules ask about: a child's age is read as the largest of these
// reached, so birthdays are computed once per child instead of at every event.
inline constexpr std::array<int, 7> age_edges{1, 4, 5, 10, 14, 16, 18};

struct family_rec {
    std::vector<std::uint32_t> children;
    std::uint32_t mother = none, father = none;
    std::array<std::uint32_t, 2> grandparents{none, none};
    std::uint32_t kin = none; // the relative who fosters the family's children, once found
};

struct carer_rec {
    std::uint32_t person = 0;
    home_kind kind = home_kind::foster;
    std::uint8_t places = 1;
    std::uint8_t used = 0;
    bool inside = true;
    bool active = true;
    bool unlimited = false;
    std::uint32_t free_pos = none; // position in its free list
    std::vector<std::uint32_t> children;
};

struct worker_rec {
    std::uint32_t person = 0;
    bool agency = false;
    bool active = true;
    std::vector<std::uint32_t> caseload;
};

/// A child in care on the start date, given from outside (a care history) rather than drawn.
struct seed_child {
    child subject;
    home_kind home = home_kind::foster;
    legal_group legal = legal_group::care_order;
    std::int32_t period_start = 0, placement_start = 0;
    bool long_term = false, inside = true;
};

/// What one authority's run gives back.
struct authority_result {
    std::vector<year_acc> years; // every simulated year, warm-up included
    std::vector<care_history> histories;
    double child_days = 0; // days simulated for children in care or followed after care
    double care_days = 0;
    std::uint64_t events = 0;
    std::uint64_t children = 0;
    std::uint64_t refused_events = 0;
};

/// The inputs of one authority's run.
struct authority_input {
    std::uint32_t index = 0; // 0-based authority number
    local_authority_id id{};
    std::uint64_t seed = 0;
    std::uint32_t replicate = 0;
    date start;       // stock date
    int years = 1;    // simulated years (warm-up included)
    double share = 1; // this authority's share of England's children (scale included)
    std::size_t keep_histories = 0;
    const calibration* cal = nullptr;
    const scenario* policy = nullptr;
    const population_projection* projection = nullptr;
    const std::vector<seed_child>* seeds = nullptr; // when given, replaces the drawn stock
};

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

class authority_model {
public:
    explicit authority_model(const authority_input& in)
        : in_{in}, cal_{*in.cal}, pol_{*in.policy}, start_{day_number(in.start)} {
        result_.years.resize(static_cast<std::size_t>(in.years));
        const int y0 = year_of(in.start);
        first_year_ = y0 + 1; // the first year ending 31 March after the stock date
        for (int k = 0; k < in.years; ++k)
            snapshots_.push_back(
                day_number(date{std::chrono::year{y0 + 1 + k} / std::chrono::March / 31}));
        end_ = snapshots_.back();
        arrivals_ = stream{
            rng_key{in.seed, in.replicate, (std::uint64_t{1} << 40) | in.index, purpose::entries}};
        workers_rng_ = stream{
            rng_key{in.seed, in.replicate, (std::uint64_t{2} << 40) | in.index, purpose::worker}};
        carers_rng_ = stream{rng_key{in.seed, in.replicate, (std::uint64_t{3} << 40) | in.index,
                                     purpose::placement}};
    }

    authority_result run() {
        build_carers();
        if (in_.seeds)
            seed_given();
        else
            seed_stock();
        schedule_arrival(start_);
        for (std::size_t k = 0; k < snapshots_.size(); ++k)
            push(snapshots_[k], ev_snapshot, static_cast<std::uint32_t>(k), 0);
        push(start_ + next_gap(carer_leave_rate_total()), ev_carer_change, 0, 0);
        for (std::uint32_t w = 0; w < workers_.size(); ++w)
            schedule_worker(w, start_);
        for (std::int32_t d = start_; d <= end_; ++d) {
            auto& head = day_head_[static_cast<std::size_t>(d - start_)];
            while (head != none) {
                const auto n = head;
                const event e = pool_[n].e;
                head = pool_[n].next;
                pool_[n].next = free_node_;
                free_node_ = n;
                now_ = d;
                dispatch(e);
            }
        }
        finish_cohorts();
        record_contacts();
        result_.children = children_.size();
        return std::move(result_);
    }

private:
    // ---- events -------------------------------------------------------------------------
    enum event_type : std::uint8_t {
        ev_child = 0,
        ev_arrival = 1,
        ev_worker = 2,
        ev_carer_change = 3,
        ev_snapshot = 9
    };
    struct event {
        std::int32_t day;
        std::uint8_t type;
        std::uint32_t entity;
        std::uint32_t version;
    };
    struct event_node {
        event e;
        std::uint32_t next = none;
    };
    // The queue is a list per day kept in (type, push order) order, so events come out in
    // the order of a heap on (day, type, push order), without the heap's sifting. Events after
    // the last day are never processed, so they are not kept.
    void push(std::int32_t day, std::uint8_t type, std::uint32_t entity, std::uint32_t version) {
        if (day > end_)
            return;
        if (day < start_ || day < now_)
            throw std::logic_error{"sim: an event scheduled in the past"};
        if (day_head_.empty())
            day_head_.assign(static_cast<std::size_t>(end_ - start_ + 1), none);
        std::uint32_t n = free_node_;
        if (n != none) {
            free_node_ = pool_[n].next;
        } else {
            n = static_cast<std::uint32_t>(pool_.size());
            pool_.emplace_back();
        }
        pool_[n].e = event{day, type, entity, version};
        // after every event of the same or a lower type: push order within a type
        std::uint32_t* link = &day_head_[static_cast<std::size_t>(day - start_)];
        while (*link != none && pool_[*link].e.type <= type)
            link = &pool_[*link].next;
        pool_[n].next = *link;
        *link = n;
    }
    void dispatch(const event& e) {
        ++result_.events;
        switch (e.type) {
        case ev_child: {
            auto& c = children_[e.entity];
            if (c.version != e.version)
                return; // superseded
            child_event(e.entity);
            return;
        }
        case ev_arrival:
            arrival();
            return;
        case ev_worker:
            worker_leaves(e.entity, e.version);
            return;
        case ev_carer_change:
            carer_turnover();
            return;
        case ev_snapshot:
            snapshot(e.entity);
            return;
        default:
            return;
        }
    }

    // ---- ids ------------------------------------------------------------------------------
    std::uint32_t new_person() { return (in_.index << 22) | (next_person_++ & 0x3fffff); }
    [[nodiscard]] int year_index(std::int32_t day) const noexcept {
        // the year ending 31 March that contains `day`
        for (std::size_t k = 0; k < snapshots_.size(); ++k)
            if (day <= snapshots_[k])
                return static_cast<int>(k);
        return static_cast<int>(snapshots_.size()) - 1;
    }
    year_acc& acc() { return result_.years[static_cast<std::size_t>(year_index(now_))]; }
    [[nodiscard]] int calendar_year(std::int32_t day) const noexcept {
        return year_of(to_date(day));
    }
    // Age at `day` at the resolution of `age_edges` (0, 1, 4, 5, 10, 14, 16 or 18): enough
    // for every rule and band, which compare ages only with those edges.
    [[nodiscard]] static int age(const child_rec& c, std::int32_t day) noexcept {
        int a = 0;
        for (std::size_t i = 0; i < age_edges.size(); ++i) {
            if (day < c.edge_days[i])
                break;
            a = age_edges[i];
        }
        return a;
    }

    // ---- carers -------------------------------------------------------------------------
    std::uint32_t free_list_index(home_kind k, bool inside) const noexcept {
        return (k == home_kind::foster ? 0U : 2U) + (inside ? 0U : 1U);
    }
    void mark_free(std::uint32_t ci) {
        auto& h = carers_[ci];
        if (h.unlimited || !h.active || h.used >= h.places || h.free_pos != none)
            return;
        auto& list = free_[free_list_index(h.kind, h.inside)];
        h.free_pos = static_cast<std::uint32_t>(list.size());
        list.push_back(ci);
    }
    void mark_full(std::uint32_t ci) {
        auto& h = carers_[ci];
        if (h.free_pos == none)
            return;
        auto& list = free_[free_list_index(h.kind, h.inside)];
        const std::uint32_t last = list.back();
        list[h.free_pos] = last;
        carers_[last].free_pos = h.free_pos;
        list.pop_back();
        h.free_pos = none;
    }
    std::uint32_t add_household(bool inside, std::uint32_t min_places = 1) {
        carer_rec h;
        h.person = new_person();
        h.kind = home_kind::foster;
        const auto p = carers_rng_.choose(cal_.household_places.values);
        h.places =
            static_cast<std::uint8_t>(std::max<std::uint32_t>(p + 1, std::min(min_places, 4U)));
        h.inside = inside;
        carers_.push_back(std::move(h));
        const auto ci = static_cast<std::uint32_t>(carers_.size() - 1);
        mark_free(ci);
        ++households_;
        return ci;
    }
    void build_carers() {
        const double households = cal_.foster_carers.value / cal_.carers_per_household.value
                                  * cal_.household_available.value * in_.share;
        const auto n = static_cast<std::uint32_t>(std::lround(households));
        const double inside = cal_.inside_share.values[0];
        for (std::uint32_t i = 0; i < n; ++i)
            add_household(carers_rng_.bernoulli(inside));
        // the authority's own provider settings: unlimited places, one per kind and side
        for (std::size_t k = 0; k < home_count; ++k)
            for (int side = 0; side < 2; ++side) {
                carer_rec h;
                h.person = new_person();
                h.kind = static_cast<home_kind>(k);
                h.unlimited = true;
                h.places = 255;
                h.inside = side == 0;
                carers_.push_back(std::move(h));
                provider_[k][static_cast<std::size_t>(side)] =
                    static_cast<std::uint32_t>(carers_.size() - 1);
            }
        const auto workers = std::max<std::uint32_t>(
            1, static_cast<std::uint32_t>(
                   std::lround(cal_.stock_count.value * in_.share / cal_.sw_caseload.value)));
        for (std::uint32_t i = 0; i < workers; ++i)
            hire_worker();
    }
    double carer_leave_rate_total() const {
        return std::max(1e-9, households_ * cal_.household_leaving_rate.value
                                  + cal_.carer_approvals.value * in_.share
                                        * pol_.carer_recruitment_factor);
    }
    std::int32_t next_gap(double rate_per_year) {
        return std::max<std::int32_t>(
            1, static_cast<std::int32_t>(
                   std::lround(carers_rng_.exponential(rate_per_year) * days_per_year)));
    }
    // Approvals and deregistrations as one stream of events: each is an approval or a
    // household leaving, in proportion to their rates.
    void carer_turnover() {
        const double leave = households_ * cal_.household_leaving_rate.value;
        const double approve = cal_.carer_approvals.value * in_.share
                               / cal_.carers_per_household.value * pol_.carer_recruitment_factor;
        if (carers_rng_.uniform() * (leave + approve) < approve) {
            const double inside = pol_.share_inside_home_authority
                                      ? *pol_.share_inside_home_authority
                                      : cal_.inside_share.values[0];
            add_household(carers_rng_.bernoulli(inside));
        } else if (households_ > 0) {
            // a random household stops fostering; its children move (CLOSE)
            for (int tries = 0; tries < 8; ++tries) {
                const auto ci = carers_rng_.below(static_cast<std::uint32_t>(carers_.size()));
                auto& h = carers_[ci];
                if (h.unlimited || !h.active || h.kind != home_kind::foster)
                    continue;
                h.active = false;
                mark_full(ci);
                --households_;
                const auto kids = h.children;
                for (auto k : kids) {
                    auto& c = children_[k];
                    if (c.in_care && c.carer == ci) {
                        if (move_child(k, change_reason::carer_resigned, false, true))
                            schedule(k);
                    } else if (c.held_carer == ci) {
                        release_held(k);
                    }
                }
                break;
            }
        }
        push(now_ + next_gap(leave + approve), ev_carer_change, 0, 0);
    }
    void occupy(std::uint32_t ci, std::uint32_t child) {
        auto& h = carers_[ci];
        if (h.unlimited)
            return;
        ++h.used;
        h.children.push_back(child);
        if (h.used >= h.places)
            mark_full(ci);
    }
    void vacate(std::uint32_t ci, std::uint32_t child) {
        if (ci == none)
            return;
        auto& h = carers_[ci];
        if (h.unlimited)
            return;
        if (h.used > 0)
            --h.used;
        auto it = std::find(h.children.begin(), h.children.end(), child);
        if (it != h.children.end())
            h.children.erase(it);
        if (h.kind == home_kind::childrens_home && h.used == 0)
            h.active = false;
        else
            mark_free(ci);
    }
    // A home of kind `k` for child `ci`, inside or outside the authority; `need` places
    // together (siblings). Returns the carer index.
    std::uint32_t find_home(std::uint32_t ci, home_kind k, bool inside, std::uint32_t need,
                            bool search_hard) {
        auto& c = children_[ci];
        if (k == home_kind::kinship_foster) {
            // one relative per family: a grandparent if there is one, else another relative
            auto& fam = families_[c.family];
            if (fam.kin != none)
                return fam.kin;
            const auto person = fam.grandparents[0] != none ? fam.grandparents[0] : new_person();
            carer_rec h;
            h.person = person;
            h.kind = home_kind::kinship_foster;
            h.unlimited = true; // a relative takes the family's children
            h.inside = inside;
            carers_.push_back(std::move(h));
            fam.kin = static_cast<std::uint32_t>(carers_.size() - 1);
            return fam.kin;
        }
        if (k == home_kind::foster) {
            auto& list = free_[free_list_index(k, inside)];
            auto& other = free_[free_list_index(k, !inside)];
            for (auto* l : {&list, &other}) {
                if (l->empty())
                    continue;
                const int tries = search_hard ? 12 : 1;
                for (int t = 0; t < tries; ++t) {
                    const auto h = (*l)[c.rng.below(static_cast<std::uint32_t>(l->size()))];
                    if (carers_[h].places - carers_[h].used >= static_cast<int>(need))
                        return h;
                }
                if (need == 1)
                    return (*l)[0];
            }
            // no household free: an agency household outside the authority, with room for
            // a sibling group only when one is searched for
            const auto h = add_household(false, search_hard ? need : 1);
            --households_; // agency places are not the authority's supply
            return h;
        }
        if (k == home_kind::childrens_home) {
            auto& list = free_[free_list_index(k, inside)];
            if (!list.empty())
                return list[c.rng.below(static_cast<std::uint32_t>(list.size()))];
            carer_rec h;
            h.person = new_person();
            h.kind = k;
            h.places = static_cast<std::uint8_t>(cal_.home_capacity.value);
            h.inside = inside;
            carers_.push_back(std::move(h));
            const auto id = static_cast<std::uint32_t>(carers_.size() - 1);
            mark_free(id);
            return id;
        }
        return provider_[static_cast<std::size_t>(k)][inside ? 0 : 1];
    }
    // ---- social workers ----------------------------------------------------------------------
    std::uint32_t hire_worker() {
        worker_rec w;
        w.person = new_person();
        w.agency = workers_rng_.bernoulli(cal_.sw_agency_share.value);
        workers_.push_back(std::move(w));
        const auto id = static_cast<std::uint32_t>(workers_.size() - 1);
        active_workers_.push_back(id);
        return id;
    }
    std::uint32_t hire_worker_now() {
        const auto w = hire_worker();
        schedule_worker(w, now_);
        return w;
    }
    void schedule_worker(std::uint32_t w, std::int32_t from) {
        const double rate = cal_.sw_turnover.value * pol_.sw_turnover_factor
                            * (workers_[w].agency ? cal_.sw_agency_turnover_factor.value : 1.0);
        const double years = workers_rng_.exponential(rate);
        if (years * days_per_year > (end_ - from) + 1)
            return;
        push(from + std::max<std::int32_t>(1, static_cast<std::int32_t>(years * days_per_year)),
             ev_worker, w, 0);
    }
    std::uint32_t pick_worker(child_rec& c) {
        // the least-loaded of two drawn at random: caseloads stay near the mean
        const auto n = static_cast<std::uint32_t>(active_workers_.size());
        auto a = active_workers_[c.rng.below(n)];
        auto b = active_workers_[c.rng.below(n)];
        auto w = workers_[a].caseload.size() <= workers_[b].caseload.size() ? a : b;
        if (static_cast<double>(workers_[w].caseload.size()) >= cal_.sw_caseload.value * 1.25) {
            w = hire_worker();
            schedule_worker(w, now_);
        }
        return w;
    }
    void assign_worker(std::uint32_t ci, end_reason why) {
        auto& c = children_[ci];
        const bool had = c.sw != none;
        if (had) {
            auto& load = workers_[c.sw].caseload;
            auto it = std::find(load.begin(), load.end(), ci);
            if (it != load.end())
                load.erase(it);
            end_tie(ci, workers_[c.sw].person, kinds::social_worker.code(), why, false);
        }
        auto w = pick_worker(c);
        if (w == c.sw || w == c.last_worker)
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
            add_event(c, worker_changed{to_date(now_), worker_role::social_worker,
                                        social_worker_id{workers_[w].person}});
    }
    void worker_leaves(std::uint32_t w, std::uint32_t) {
        if (!workers_[w].active)
            return;
        workers_[w].active = false;
        active_workers_.erase(std::find(active_workers_.begin(), active_workers_.end(), w));
        const auto load = workers_[w].caseload; // copied: hiring may move workers_
        const auto replacement = hire_worker();
        schedule_worker(replacement, now_);
        for (auto ci : load)
            if (children_[ci].in_care && children_[ci].sw == w)
                assign_worker(ci, end_reason::worker_change);
    }

    // ---- relationships -----------------------------------------------------------------------
    void begin_tie(std::uint32_t ci, std::uint32_t other, std::uint16_t kind) {
        auto& c = children_[ci];
        for (const auto& t : c.ties)
            if (t.other == other && t.kind == kind && t.end == never)
                return; // already tied
        c.ties.push_back(tie_rec{other, kind, now_});
        if (c.history != none) {
            const auto k = kind_of(kind);
            add_event(c, relationship_begun{
                             relationship{person_id{c.gid}, person_id{other}, k, to_date(now_)}});
        }
    }
    bool end_tie(std::uint32_t ci, std::uint32_t other, std::uint16_t kind, end_reason why,
                 bool planned) {
        auto& c = children_[ci];
        for (auto& t : c.ties)
            if (t.other == other && t.kind == kind && t.end == never) {
                t.end = std::max(now_, t.start); // ties made while the stock is set up
                t.reason = why;
                if (c.history != none)
                    add_event(c, relationship_ended{
                                     person_id{other}, kind_of(kind),
                                     relationship_ending{to_date(t.end), why, planned, {}}});
                return true;
            }
        return false;
    }
    // The contact arranged on a tie the child keeps across a move. These are model
    // assumptions, not published figures, except the social worker's: a visit within a week
    // of a new placement (Care Planning, Placement and Case Review (England) Regulations 2010,
    // reg 28(2)(a)).
    [[nodiscard]] contact_frequency arrangement_of(const child_rec& c, const tie_rec& t) const {
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
    static std::int32_t days_to_first_contact(contact_frequency f) noexcept {
        switch (f) {
        case contact_frequency::daily:
            return 0;
        case contact_frequency::weekly:
            return 7;
        case contact_frequency::fortnightly:
            return 14;
        case contact_frequency::quarterly:
            return 91;
        case contact_frequency::twice_yearly:
            return 182;
        case contact_frequency::yearly:
            return 365;
        default:
            return 30;
        }
    }
    // After a move: the first contact on each tie the child kept (it began before the move,
    // or it is a foster carer kept as a former carer), given its arrangement. Recorded when
    // the run ends, and then only inside the tie's spell and the simulated horizon, because a
    // tie may yet end before its contact day.
    void plan_contacts(std::uint32_t ci) {
        const auto& c = children_[ci];
        for (const auto& t : c.ties) {
            if (t.end != never)
                continue;
            if (t.start >= now_ && t.kind != kinds::former_foster_carer.code())
                continue; // gained at the move, not kept across it
            const auto day = now_ + days_to_first_contact(arrangement_of(c, t));
            if (day <= end_)
                contacts_.push_back(planned_contact{c.history, t.other, t.kind, day});
        }
    }
    void record_contacts() {
        for (const auto& p : contacts_)
            // refused when the tie ended before its contact day: no contact, rightly
            (void)result_.histories[p.history].record_contact(person_id{p.other}, kind_of(p.kind),
                                                              to_date(p.day));
        contacts_.clear();
    }
    static relationship_kind kind_of(std::uint16_t code) {
        for (const auto& k : kinds::builtin)
            if (k.code() == code)
                return k;
        return kinds::other;
    }
    // The family of a kind by table: leaving care asks it of every tie.
    static kind_family family_of_kind(std::uint16_t code) noexcept {
        static constexpr auto table = [] {
            std::array<kind_family, 64> t{};
            t.fill(kinds::other.family());
            for (const auto& k : kinds::builtin)
                if (k.code() < t.size())
                    t[k.code()] = k.family();
            return t;
        }();
        return code < table.size() ? table[code] : kind_of(code).family();
    }
    static std::uint16_t carer_kind(home_kind h) noexcept {
        switch (h) {
        case home_kind::foster:
            return kinds::foster_carer.code();
        case home_kind::kinship_foster:
            return kinds::kinship_carer.code();
        case home_kind::placed_for_adoption:
            return kinds::adopter.code();
        case home_kind::with_parents:
            return 0; // the parent tie already exists
        default:
            return kinds::residential_key_worker.code();
        }
    }

    // ---- histories ------------------------------------------------------------------------------
    void add_event(child_rec& c, const care_event& e) {
        auto& h = result_.histories[c.history];
        // the model keeps to the history's rules; a refusal is counted so tests can see it
        if (!h.add(e))
            ++result_.refused_events;
    }
    placement placement_value(const child_rec& c) const {
        const auto& h = carers_[c.carer];
        placement p = placement::with_carer(
            placement_type_of(c.home, c.long_term, c.with_own_carers, calendar_year(now_)),
            carer_id{h.person});
        p.location.authority = in_.id;
        p.location.inside_home_authority = c.inside;
        return p;
    }

    // ---- the starting stock -----------------------------------------------------------------
    void seed_stock() {
        const auto n = static_cast<std::uint32_t>(std::lround(cal_.stock_count.value * in_.share));
        // joint age x home from the published margins
        std::array<std::array<double, home_count>, band_count> ah{};
        for (std::size_t b = 0; b < band_count; ++b)
            for (std::size_t h = 0; h < home_count; ++h)
                ah[b][h] = cal_.move_home[b][h] + cal_.entry_home[b][h];
        ah[0][static_cast<std::size_t>(home_kind::placed_for_adoption)] = 20;
        ah[1][static_cast<std::size_t>(home_kind::placed_for_adoption)] = 20;
        ah[2][static_cast<std::size_t>(home_kind::placed_for_adoption)] = 2;
        std::array<double, band_count> rows = cal_.stock_age.values;
        std::array<double, home_count> cols = cal_.stock_home.values;
        ipf(ah, rows, cols);
        // legal group by home
        std::array<std::array<double, legal_count>, home_count> hl{{{15, 10, 65, 10},
                                                                    {10, 15, 70, 5},
                                                                    {25, 5, 70, 0},
                                                                    {55, 0, 45, 0},
                                                                    {50, 0, 50, 0},
                                                                    {2, 15, 83, 0},
                                                                    {0, 0, 0, 100},
                                                                    {30, 5, 65, 0}}};
        const double co = 100 - cal_.stock_s20.value - cal_.stock_placement_order.value;
        std::array<double, legal_count> lcols{
            cal_.stock_s20.value, co * cal_.stock_interim_of_care_orders.value,
            co * (1 - cal_.stock_interim_of_care_orders.value), cal_.stock_placement_order.value};
        ipf(hl, cols, lcols);
        stream init{rng_key{in_.seed, in_.replicate, (std::uint64_t{4} << 40) | in_.index,
                            purpose::initial}};
        std::vector<double> flat;
        for (const auto& r : ah)
            for (double v : r)
                flat.push_back(v);
        // how many 14+ s20 children there are decides the UASC chance among them
        double older_s20 = 0;
        for (std::size_t h = 0; h < home_count; ++h) {
            const double s20 = hl[h][0] / cols[h];
            older_s20 += (ah[4][h] + ah[3][h] / 3) * s20;
        }
        const double uasc_p = std::min(1.0, cal_.stock_uasc.value / std::max(1e-9, older_s20));
        static constexpr std::array<int, band_count + 1> edges{0, 1, 5, 10, 16, 18};
        std::uint32_t made = 0;
        while (made < n) {
            // a family: its first child from the joint distribution, siblings near in age,
            // living together by the same chance as entrants (assumption)
            const std::size_t size =
                std::min<std::size_t>(n - made, init.choose(cal_.sibling_group_size.values) + 1);
            const auto fam = new_family(init, size);
            const auto cell = init.choose(flat);
            const auto first_band = cell / home_count;
            const double first_age =
                edges[first_band] + init.uniform() * (edges[first_band + 1] - edges[first_band]);
            const bool together =
                size > 1
                && init.bernoulli(
                    cal_.siblings_together.values[std::min<std::size_t>(size, 4) - 2]);
            std::uint32_t shared_carer = none;
            home_kind first_home = static_cast<home_kind>(cell % home_count);
            legal_group first_legal = legal_group::care_order;
            for (std::size_t i = 0; i < size; ++i, ++made) {
                double age_years = first_age;
                home_kind h = first_home;
                if (i > 0) {
                    age_years =
                        std::clamp(first_age
                                       + (init.bernoulli(0.5) ? 1 : -1) * (1 + 2 * init.uniform())
                                             * static_cast<double>(i),
                                   0.05, 17.95);
                    if (!together) {
                        const auto b =
                            static_cast<std::size_t>(band_of(static_cast<int>(age_years)));
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
                const int a = age(c, start_);
                c.uasc = l == legal_group::accommodated_s20 && a >= 14
                         && h != home_kind::with_parents && h != home_kind::kinship_foster
                         && h != home_kind::placed_for_adoption && init.bernoulli(uasc_p);
                // time in care and in placement before the stock date: assumptions (the data
                // has no durations): uniform over the child's life up to 6 years, then a share
                const double in_care_years =
                    std::max(0.01, init.uniform() * std::min(age_years, 6.0));
                const double in_placement = in_care_years * (0.2 + 0.8 * init.uniform());
                c.period_start = start_ - static_cast<std::int32_t>(in_care_years * days_per_year);
                c.placement_start =
                    start_ - static_cast<std::int32_t>(in_placement * days_per_year);
                if (c.period_start < c.birth)
                    c.period_start = c.birth;
                if (c.placement_start < c.period_start)
                    c.placement_start = c.period_start;
                const bool lt_possible = (h == home_kind::foster || h == home_kind::kinship_foster)
                                         && l == legal_group::care_order && a >= 4;
                c.long_term = lt_possible && init.bernoulli(lt_share_);
                const bool share =
                    together && (h == home_kind::foster || h == home_kind::kinship_foster);
                place_initial(ci, h, l, init, std::nullopt, share ? shared_carer : none,
                              share ? static_cast<std::uint32_t>(size - i) : 1);
                if (share && shared_carer == none)
                    shared_carer = children_[ci].carer;
            }
        }
        finish_initial_family_ties();
    }
    void seed_given() {
        for (const auto& s : *in_.seeds) {
            const auto fam = new_family(carers_rng_, 1);
            const auto ci =
                new_child(fam, day_number(s.subject.birth_date), s.subject.sex == sex::male);
            auto& c = children_[ci];
            c.uasc = s.subject.unaccompanied_asylum_seeking;
            c.period_start = s.period_start;
            c.placement_start = s.placement_start;
            c.long_term = s.long_term;
            place_initial(ci, s.home, s.legal, carers_rng_, s.inside);
        }
        finish_initial_family_ties();
    }
    void place_initial(std::uint32_t ci, home_kind h, legal_group l, stream& init,
                       std::optional<bool> inside_given = std::nullopt,
                       std::uint32_t with_carer = none, std::uint32_t need = 1) {
        auto& c = children_[ci];
        const bool inside = inside_given ? *inside_given : init.bernoulli(inside_share(h));
        c.in_care = true;
        c.home = h;
        c.legal = l;
        c.status_start = c.period_start;
        std::uint32_t carer = with_carer;
        if (carer != none && !carers_[carer].unlimited
            && carers_[carer].used >= carers_[carer].places)
            carer = none;
        // siblings to be placed together get a home with room for them (the chance of being
        // together already allows for practical obstacles)
        if (carer == none)
            carer = find_home(ci, h, inside, need, need > 1);
        c.carer = carer;
        c.inside = carers_[carer].unlimited ? inside : carers_[carer].inside;
        occupy(carer, ci);
        if (c.history != none) {
            // a sketch of the time before the stock date: entry, then the current placement
            const std::int32_t keep_now = now_;
            now_ = c.period_start;
            const legal_group entry_legal =
                l == legal_group::placement_order ? legal_group::care_order : l;
            add_event(c, entered_care{to_date(c.period_start), legal_status_of(entry_legal),
                                      placement_value(c)});
            if (l != entry_legal) {
                now_ = c.placement_start;
                add_event(c, legal_status_changed{to_date(c.placement_start), legal_status_of(l)});
            }
            now_ = keep_now;
        }
        now_ = start_;
        if (carer_kind(h) != 0)
            begin_tie(ci, carers_[carer].person, carer_kind(h));
        c.in_school = age(c, start_) >= 5 && age(c, start_) < 16;
        if (c.in_school) {
            c.last_school = c.placement_start;
            begin_tie(ci, new_person(), kinds::teacher.code());
        }
        assign_worker(ci, end_reason::worker_change);
        if (l == legal_group::interim_care_order)
            c.hearing =
                start_ + 1 + static_cast<std::int32_t>(init.uniform() * cal_.plo_weeks.value * 7);
        schedule(ci);
    }
    void finish_initial_family_ties() {}

    // ---- families and children ---------------------------------------------------------------
    std::uint32_t new_family(stream& r, std::size_t) {
        family_rec f;
        f.mother = new_person();
        if (r.bernoulli(0.7))
            f.father = new_person(); // fathers often unrecorded: assumption
        const auto g = r.below(3);
        for (std::uint32_t i = 0; i < g; ++i)
            f.grandparents[i] = new_person();
        families_.push_back(std::move(f));
        return static_cast<std::uint32_t>(families_.size() - 1);
    }
    std::uint32_t new_child(std::uint32_t fam, std::int32_t birth, bool male) {
        child_rec c;
        c.gid = new_person();
        c.family = fam;
        c.birth = birth;
        // as core birthday(), with the date split into year, month and day once
        const std::chrono::year_month_day born{to_date(birth)};
        for (std::size_t i = 0; i < age_edges.size(); ++i) {
            const std::chrono::year_month_day at{born.year() + std::chrono::years{age_edges[i]},
                                                 born.month(), born.day()};
            c.edge_days[i] =
                day_number(at.ok() ? date{at}
                                   : date{std::chrono::year_month_day{at.year(), std::chrono::March,
                                                                      std::chrono::day{1}}});
        }
        c.male = male;
        c.rng = stream{rng_key{in_.seed, in_.replicate, c.gid, purpose::child_events}};
        c.ties.reserve(8); // birth family, siblings, carer, worker, school: one allocation
        children_.push_back(std::move(c));
        const auto ci = static_cast<std::uint32_t>(children_.size() - 1);
        families_[fam].children.push_back(ci);
        if (kept_ < keep_quota()) {
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
    [[nodiscard]] std::size_t keep_quota() const noexcept { return in_.keep_histories; }

    // ---- arrivals -----------------------------------------------------------------------------
    double entries_per_year() const {
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
    std::array<double, band_count> entry_ages() const {
        if (in_.projection && !in_.projection->children.empty()) {
            const auto& p = *in_.projection;
            std::array<double, band_count> w{};
            for (std::size_t b = 0; b < band_count; ++b)
                w[b] = p.children.front()[b] * p.entry_rate_per_10k[b];
            return w;
        }
        return cal_.entry_age.values;
    }
    double mean_family_size() const {
        const auto& s = cal_.sibling_group_size.values;
        const double non_uasc = 1 + s[1] + 2 * s[2] + 3 * s[3];
        return cal_.entry_uasc.value + (1 - cal_.entry_uasc.value) * non_uasc;
    }
    // Arrivals keep a clock in fractions of a day: rounding each gap to whole days would bias
    // the rate when gaps are a few days long (a large authority).
    void schedule_arrival(std::int32_t from) {
        if (arrival_clock_ < from)
            arrival_clock_ = from;
        const double rate = entries_per_year() / mean_family_size();
        arrival_clock_ += arrivals_.exponential(rate) * days_per_year;
        const auto day = static_cast<std::int32_t>(std::floor(arrival_clock_)) + 1;
        if (day <= end_)
            push(day, ev_arrival, 0, 0);
    }
    void arrival() {
        const bool uasc = arrivals_.bernoulli(cal_.entry_uasc.value);
        std::size_t size = 1;
        if (!uasc)
            size = arrivals_.choose(cal_.sibling_group_size.values) + 1;
        const auto fam = new_family(arrivals_, size);
        // the first child's age; siblings 1-3 years apart
        const auto ages = entry_ages();
        std::int32_t birth = 0;
        if (uasc) {
            birth =
                now_ - static_cast<std::int32_t>((14 + arrivals_.uniform() * 3.9) * days_per_year);
        } else {
            static constexpr std::array<int, band_count + 1> edges{0, 1, 5, 10, 16, 18};
            const auto b = arrivals_.choose(ages);
            birth =
                now_
                - static_cast<std::int32_t>(
                    (edges[b] + arrivals_.uniform() * (edges[b + 1] - edges[b])) * days_per_year)
                - 1;
        }
        std::vector<std::uint32_t> group;
        for (std::size_t i = 0; i < size; ++i) {
            std::int32_t b = birth;
            if (i > 0) {
                b = birth
                    + static_cast<std::int32_t>((arrivals_.uniform() * 2 + 1) * days_per_year
                                                * static_cast<double>(i)
                                                * (arrivals_.bernoulli(0.5) ? 1 : -1));
                b = std::clamp(b, now_ - static_cast<std::int32_t>(17.5 * days_per_year), now_ - 1);
            }
            while (age_on(to_date(b), to_date(now_)) >= 18)
                b += 30; // entrants are under 18
            const auto ci = new_child(fam, b, arrivals_.bernoulli(cal_.male.value / 100));
            children_[ci].uasc = uasc;
            group.push_back(ci);
        }
        enter_group(group, false);
        schedule_arrival(start_);
    }

    // ---- placing --------------------------------------------------------------------------------
    double inside_share(home_kind h) const {
        const double base = cal_.inside_share.values[static_cast<std::size_t>(h)];
        if (!pol_.share_inside_home_authority)
            return base;
        // the scenario sets the foster share; other homes move by the same ratio
        const double ratio = *pol_.share_inside_home_authority / cal_.inside_share.values[0];
        return std::clamp(base * ratio, 0.0, 1.0);
    }
    home_kind draw_home(child_rec& c, bool entry) {
        const auto b = static_cast<std::size_t>(band_of(age(c, now_)));
        auto w = entry ? cal_.entry_home[b] : cal_.move_home[b];
        if (c.uasc) {
            w[static_cast<std::size_t>(home_kind::kinship_foster)] = 0;
            w[static_cast<std::size_t>(home_kind::with_parents)] = 0;
        }
        if (pol_.kinship_support)
            w[static_cast<std::size_t>(home_kind::kinship_foster)] *= 1.25;
        return static_cast<home_kind>(c.rng.choose(w));
    }
    // Places child `ci` in a new home of kind `h` (entry, re-entry or move).
    void set_home(std::uint32_t ci, home_kind h, std::uint32_t carer) {
        auto& c = children_[ci];
        c.home = h;
        c.carer = carer;
        c.inside = carers_[carer].unlimited ? (carer == provider_[static_cast<std::size_t>(h)][0])
                                            : carers_[carer].inside;
        c.placement_start = now_;
        c.last_change = now_;
        c.with_own_carers = false;
        c.long_term = false;
        occupy(carer, ci);
        if (carer_kind(h) != 0 && !has_open_tie(c, carers_[carer].person))
            begin_tie(ci, carers_[carer].person, carer_kind(h));
        log_placement(ci);
    }
    static bool has_open_tie(const child_rec& c, std::uint32_t other) {
        for (const auto& t : c.ties)
            if (t.other == other && t.end == never)
                return true;
        return false;
    }
    void enter_group(const std::vector<std::uint32_t>& group, bool reentry) {
        // the group's first child sets the kind of home; siblings join it if placed together
        const std::size_t n = group.size();
        bool together = false;
        if (n > 1) {
            const double p = pol_.siblings == sibling_policy::together_unless_reason
                                 ? cal_.siblings_together_policy.value
                                 : cal_.siblings_together.values[std::min<std::size_t>(n, 4) - 2];
            together = children_[group[0]].rng.bernoulli(p);
        }
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
                const bool hard = together;
                carer = find_home(ci, h, c.rng.bernoulli(inside_share(h)),
                                  together ? static_cast<std::uint32_t>(n - i) : 1, hard);
                if (together && shared_carer == none)
                    shared_carer = carer;
            }
            c.in_care = true;
            c.period_start = now_;
            c.status_start = now_;
            c.moves_year = 0;
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
                c.inside = carers_[carer].unlimited
                               ? (carer == provider_[static_cast<std::size_t>(h)][0])
                               : carers_[carer].inside;
                c.long_term = false;
                c.with_own_carers = false;
                const auto ev_legal = legal_status_of(c.legal);
                if (reentry)
                    add_event(c, reentered_care{to_date(now_), ev_legal, placement_value(c)});
                else
                    add_event(c, entered_care{to_date(now_), ev_legal, placement_value(c)});
            }
            set_home(ci, h, carer);
            const int a_now = age(c, now_);
            const bool school = a_now >= 5 && a_now < 16;
            if (school && !c.in_school) {
                c.in_school = true;
                begin_tie(ci, new_person(), kinds::teacher.code());
            }
            c.last_school = now_;
            c.last_move = now_;
            assign_worker(ci, end_reason::worker_change);
            c.last_sw = now_;
            if (c.exit_log != none) {
                auto& log = exits_[c.exit_log];
                if (log.back == never)
                    log.back = now_;
            }
            schedule(ci);
        }
    }
    void schedule_hearing(child_rec& c) {
        const double weeks =
            cal_.plo_weeks.value + c.rng.exponential(1.0 / cal_.proceedings_extra_weeks.value);
        c.hearing = now_ + static_cast<std::int32_t>(weeks * 7);
    }

    // ---- the competing hazards ------------------------------------------------------------
    enum outcome : std::uint8_t {
        o_move,
        o_return_home,
        o_sgo,
        o_cao,
        o_independent,
        o_other_exit,
        o_adopted,
        o_s20_to_ico,
        o_to_po,
        o_matched,
        o_po_revoked,
        o_long_term,
        o_transfer,
        o_count
    };
    [[nodiscard]] double duration_factor(const child_rec& c, std::int32_t day) const {
        const auto d = day - c.placement_start;
        const auto& f = cal_.move_duration.values;
        return d < 91 ? f[0] : d < 365 ? f[1] : d < 730 ? f[2] : f[3];
    }
    // The next day after `day` on which some rate changes (time in placement or age crosses an
    // edge), or `limit`.
    [[nodiscard]] static std::int32_t next_rate_change(const child_rec& c, std::int32_t day,
                                                       std::int32_t limit) noexcept {
        std::int32_t next = limit;
        for (std::int32_t edge : {91, 182, 365, 730})
            if (c.placement_start + edge > day) {
                next = std::min(next, c.placement_start + edge);
                break;
            }
        for (std::size_t i = 0; i + 1 < age_edges.size(); ++i)
            if (c.edge_days[i] > day) {
                next = std::min(next, c.edge_days[i]);
                break;
            }
        return next;
    }
    void rates(const child_rec& c, std::int32_t day, std::array<double, o_count>& r) const {
        r.fill(0);
        const int a = age(c, day);
        const auto h = c.home;
        double move = cal_.move_rate.values[static_cast<std::size_t>(h)] * cal_.move_scale.value
                      * duration_factor(c, day);
        if (c.long_term)
            move *= cal_.long_term_move_factor.value;
        if (h == home_kind::kinship_foster && pol_.kinship_support)
            move *= cal_.kinship_support_factor.value;
        r[o_move] = move;
        if (!c.uasc) {
            double home = cal_.return_home_rate.values[static_cast<std::size_t>(c.legal)]
                          * cal_.return_home_scale.value;
            if (h == home_kind::with_parents)
                home *= cal_.with_parents_return_factor.value;
            if (h == home_kind::placed_for_adoption)
                home = 0;
            r[o_return_home] = home;
        }
        if (c.legal != legal_group::accommodated_s20 || h == home_kind::kinship_foster) {
            if (h == home_kind::kinship_foster)
                r[o_sgo] = cal_.sgo_kinship_rate.value
                           * (pol_.kinship_support ? 1 / cal_.kinship_support_factor.value : 1.0);
            if (h == home_kind::foster && day - c.placement_start >= 365)
                r[o_sgo] = cal_.sgo_foster_rate.value;
        }
        if (h == home_kind::kinship_foster || h == home_kind::with_parents)
            r[o_cao] = cal_.cao_rate.value;
        if (a >= 16)
            r[o_independent] = cal_.independent_living_rate.value;
        r[o_other_exit] = cal_.other_exit_rate.value;
        if (h == home_kind::placed_for_adoption)
            r[o_adopted] = 12 / cal_.placed_to_order_months.value;
        if (c.legal == legal_group::accommodated_s20 && !c.uasc && a < 16)
            r[o_s20_to_ico] = cal_.s20_to_proceedings_rate.value;
        if (c.legal == legal_group::care_order && a < 5)
            r[o_to_po] = cal_.care_to_placement_order_rate.value;
        if (c.legal == legal_group::placement_order && h != home_kind::placed_for_adoption) {
            r[o_matched] = 12 / cal_.match_months.value;
            r[o_po_revoked] = cal_.placement_order_revoked_rate.value;
        }
        if ((h == home_kind::foster || h == home_kind::kinship_foster) && !c.long_term
            && c.legal == legal_group::care_order && a >= 4 && day - c.placement_start >= 182)
            r[o_long_term] = cal_.long_term_rate.value;
        r[o_transfer] = cal_.sw_transfer_rate.value;
    }
    // Draws the child's next event. The hazards are constant between rate changes, so the
    // waiting time is found by spending an Exp(1) amount of cumulative hazard across the
    // segments (inversion), with no event at the segment edges; only the deterministic
    // events (18th birthday, the final hearing, the end of a hold) stop the walk.
    void schedule(std::uint32_t ci) {
        auto& c = children_[ci];
        ++c.version;
        const std::int32_t hard =
            std::max(now_ + 1, std::min({c.hearing, c.held_until, c.edge_days.back(), end_ + 1}));
        double need = c.rng.exponential(1.0);
        std::array<double, o_count> r{};
        std::int32_t t = now_;
        while (t < hard) {
            rates(c, t, r);
            double total = 0;
            for (double v : r)
                total += v;
            const std::int32_t seg_end = next_rate_change(c, t, hard);
            const double span = static_cast<double>(seg_end - t) / days_per_year;
            if (total * span > need) {
                const double dt = need / total * days_per_year;
                const std::int32_t day = std::max(t + static_cast<std::int32_t>(dt), now_ + 1);
                if (day >= hard)
                    break;
                c.pending = static_cast<std::uint8_t>(c.rng.choose(r));
                if (day <= end_)
                    push(day, ev_child, ci, c.version);
                return;
            }
            need -= total * span;
            t = seg_end;
        }
        c.pending = o_count; // a deterministic event: decided when it comes
        if (hard <= end_)
            push(hard, ev_child, ci, c.version);
    }

    void child_event(std::uint32_t ci) {
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
        const int a = age(c, now_);
        if (a >= 18) {
            leave_at_18(ci);
            return;
        }
        if (c.held_carer != none && now_ >= c.held_until)
            release_held(ci);
        if (c.hearing != never && now_ >= c.hearing) {
            c.hearing = never;
            const bool po = a < 5 && c.rng.bernoulli(cal_.placement_order_at_final_under5.value);
            set_legal(ci, po ? legal_group::placement_order : legal_group::care_order);
            schedule(ci);
            return;
        }
        const auto o = c.pending;
        switch (o) {
        case o_move:
            (void)move_child(ci, std::nullopt, c.rng.bernoulli(cal_.planned_move_share.value),
                             false);
            break;
        case o_return_home:
            leave(ci, exit_route::return_home);
            return;
        case o_sgo:
            leave(ci, exit_route::special_guardianship);
            return;
        case o_cao:
            leave(ci, exit_route::child_arrangements_order);
            return;
        case o_independent:
            leave(ci, exit_route::independent_living);
            return;
        case o_other_exit:
            leave(ci, exit_route::other);
            return;
        case o_adopted:
            leave(ci, exit_route::adoption);
            return;
        case o_s20_to_ico:
            set_legal(ci, legal_group::interim_care_order);
            schedule_hearing(children_[ci]);
            break;
        case o_to_po:
            set_legal(ci, legal_group::placement_order);
            break;
        case o_po_revoked:
            set_legal(ci, legal_group::care_order);
            break;
        case o_matched: {
            if (c.home == home_kind::foster
                && c.rng.bernoulli(cal_.adoption_with_current_carers.value)) {
                // fostering to adoption with the same carers: a change of type, not a move
                same_carer_change(ci, home_kind::placed_for_adoption, true);
            } else {
                relocate(ci, home_kind::placed_for_adoption, change_reason::care_plan, true, false);
            }
            break;
        }
        case o_long_term: {
            c.long_term = true;
            c.last_change = now_;
            if (c.history != none)
                add_event(c, placement_changed{to_date(now_), placement_value(c),
                                               change_reason::status_only, false});
            break;
        }
        case o_transfer:
            assign_worker(ci, end_reason::worker_change);
            break;
        default:
            break; // a checkpoint: rates change
        }
        schedule(ci);
    }
    void set_legal(std::uint32_t ci, legal_group g) {
        auto& c = children_[ci];
        c.legal = g;
        c.status_start = now_;
        if (c.history != none)
            add_event(c, legal_status_changed{to_date(now_), legal_status_of(g)});
    }
    void same_carer_change(std::uint32_t ci, home_kind h, bool own_carers) {
        auto& c = children_[ci];
        c.home = h;
        c.last_change = now_;
        c.with_own_carers = own_carers;
        c.long_term = false;
        if (c.history != none)
            add_event(c, placement_changed{to_date(now_), placement_value(c),
                                           change_reason::status_only, false});
    }

    // ---- moves ---------------------------------------------------------------------------------
    // Returns false when the move was put off to tomorrow (the child was placed today).
    bool move_child(std::uint32_t ci, std::optional<change_reason> why, bool planned, bool forced) {
        auto& c = children_[ci];
        if (now_ <= c.last_change) {
            // a placement lasts at least a day: the move happens tomorrow
            ++c.version;
            c.pending = o_move;
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
        const auto reason = why ? *why
                            : planned
                                ? change_reason::care_plan
                                : (c.rng.bernoulli(0.5) ? change_reason::carer_request_behaviour
                                                        : change_reason::standard_of_care);
        relocate(ci, h, reason, planned, forced);
        return true;
    }
    // Moves the child (and, by policy, co-placed siblings) to a new home of kind `h`.
    void relocate(std::uint32_t ci, home_kind h, change_reason why, bool planned, bool forced) {
        auto& c = children_[ci];
        const auto old = c.carer;
        const bool inside = c.rng.bernoulli(inside_share(h));
        std::vector<std::uint32_t> with;
        if (old != none && !carers_[old].unlimited) {
            const double p = pol_.siblings == sibling_policy::together_unless_reason
                                 ? cal_.siblings_together_policy.value
                                 : cal_.siblings_move_together.value;
            for (auto sib : families_[c.family].children)
                if (sib != ci && children_[sib].in_care && children_[sib].carer == old
                    && children_[sib].last_change < now_ && h != home_kind::placed_for_adoption
                    && c.rng.bernoulli(p))
                    with.push_back(sib);
        }
        if (h == home_kind::semi_independent || h == home_kind::independent)
            with.clear();
        auto carer =
            find_home(ci, h, inside, static_cast<std::uint32_t>(1 + with.size()),
                      !with.empty() && pol_.siblings == sibling_policy::together_unless_reason);
        carer = avoid(ci, h, carer, old, inside);
        const bool hold = planned && !forced && pol_.keep_last_placement_open
                          && c.held_carer == none && !carers_[old].unlimited;
        move_to(ci, h, carer, why, hold, false);
        for (auto sib : with) {
            auto& s = children_[sib];
            if (!s.in_care)
                continue;
            const bool room =
                carers_[carer].unlimited || carers_[carer].used < carers_[carer].places;
            const auto target =
                room ? carer : avoid(sib, h, find_home(sib, h, inside, 1, false), s.carer, inside);
            move_to(sib, h, target, why, false, false);
            schedule(sib);
        }
    }
    // A move goes to a different carer: a redrawn household or home, the provider on the other
    // side of the boundary, or another relative.
    std::uint32_t avoid(std::uint32_t ci, home_kind h, std::uint32_t carer, std::uint32_t old,
                        bool inside) {
        for (int tries = 0; carer == old && tries < 4; ++tries) {
            if (h == home_kind::kinship_foster) {
                auto& fam = families_[children_[ci].family];
                fam.kin = none;
                fam.grandparents[0] = none; // the grandparent could not go on caring
            }
            const bool side =
                carers_[old].unlimited && h != home_kind::kinship_foster ? !inside : inside;
            carer = find_home(ci, h, side, 1, false);
        }
        if (carer == old) { // everything full: a new household outside the authority
            carer = add_household(false);
            --households_;
        }
        return carer;
    }
    // The move itself: ends or keeps ties, counts continuity, records the history.
    void move_to(std::uint32_t ci, home_kind h, std::uint32_t carer, change_reason why, bool hold,
                 bool back_to_held) {
        auto& c = children_[ci];
        // a move elsewhere while a placement is held open ends the hold first
        if (!back_to_held && c.held_carer != none)
            release_held(ci);
        const auto old = c.carer;
        const auto old_home = c.home;
        const bool old_inside = c.inside;
        // ties open before the move
        std::size_t before = 0;
        for (const auto& t : c.ties)
            if (t.end == never)
                ++before;
        std::size_t lost = 0;
        // the last carer: kept when the placement is held open, or by chance/policy
        if (old != none && carer_kind(old_home) != 0) {
            const auto person = carers_[old].person;
            const bool keep = hold || back_to_held || c.rng.bernoulli(cal_.former_carer_kept.value);
            if (!keep
                && end_tie(ci, person, carer_kind(old_home), end_reason::placement_move, false))
                ++lost;
            else if (keep && !hold && carer_kind(old_home) == kinds::foster_carer.code()) {
                end_tie(ci, person, kinds::foster_carer.code(), end_reason::placement_move, true);
                begin_tie(ci, person, kinds::former_foster_carer.code());
            }
        }
        // school: changes on moves out of the authority, sometimes inside it
        if (c.in_school) {
            const bool change = back_to_held
                                    ? false
                                    : (!carers_[carer].inside || !old_inside
                                           ? true
                                           : c.rng.bernoulli(cal_.school_change_inside.value));
            if (change) {
                for (auto& t : c.ties)
                    if (t.kind == kinds::teacher.code() && t.end == never) {
                        end_tie(ci, t.other, t.kind, end_reason::school_move, false);
                        ++lost;
                        break;
                    }
                begin_tie(ci, new_person(), kinds::teacher.code());
                c.last_school = now_;
            }
        }
        auto& a = acc();
        a[tally::moves] += 1;
        a[tally::continuity_sum] +=
            before == 0 ? 1.0 : 1.0 - static_cast<double>(lost) / static_cast<double>(before);
        a[tally::continuity_moves] += 1;
        ++c.moves_year;
        c.last_move = now_;
        close_placement_log(ci);
        const bool long_term_after = back_to_held && c.held_long_term;
        if (hold) {
            c.held_long_term = c.long_term;
            c.held_carer = old;
            c.held_until = now_ + static_cast<std::int32_t>(cal_.held_open_days.value);
        } else {
            vacate(old, ci);
            if (back_to_held) {
                c.held_carer = none;
                c.held_until = never;
            }
        }
        if (c.history != none) {
            c.home = h;
            c.carer = carer;
            c.inside = carers_[carer].unlimited
                           ? (carer == provider_[static_cast<std::size_t>(h)][0])
                           : carers_[carer].inside;
            c.long_term = long_term_after;
            c.with_own_carers = false;
            add_event(c, placement_changed{to_date(now_), placement_value(c), why, hold});
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
            log_placement(ci);
        } else {
            set_home(ci, h, carer);
        }
        if (children_[ci].history != none)
            plan_contacts(ci);
    }
    void release_held(std::uint32_t ci, bool record = true) {
        auto& c = children_[ci];
        if (c.held_carer == none)
            return;
        const auto held = c.held_carer;
        c.held_carer = none;
        c.held_until = never;
        vacate(held, ci);
        if (record && c.history != none && c.in_care)
            add_event(c, held_placement_released{to_date(now_)});
    }

    // ---- exits ---------------------------------------------------------------------------------
    void leave_at_18(std::uint32_t ci) {
        auto& c = children_[ci];
        exit_route route = exit_route::independent_living;
        bool stays = false;
        if (c.home == home_kind::foster || c.home == home_kind::kinship_foster) {
            stays = c.rng.bernoulli(cal_.staying_put_share.value);
            if (stays)
                route = exit_route::staying_put;
        } else if (c.home == home_kind::childrens_home && pol_.staying_close_to_25) {
            stays = c.rng.bernoulli(cal_.staying_close_share.value);
        }
        // who will be there at 25: each tie held at 18 lasts with an assumed chance
        stream follow{rng_key{in_.seed, in_.replicate, c.gid, purpose::follow_up}};
        const auto& k = cal_.tie_kept_to_25.values;
        double links = 0;
        for (const auto& t : c.ties) {
            if (t.end != never)
                continue;
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
        if (pol_.staying_close_to_25 && follow.bernoulli(k[4] * 2))
            links += 1;
        auto& a = acc();
        a[tally::links_sum] += links;
        a[tally::leavers_at_18] += 1;
        leave(ci, route);
    }
    void leave(std::uint32_t ci, exit_route route) {
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
            add_event(c, left_care{to_date(now_), route});
        // relationships that end with care
        const bool adopted = route == exit_route::adoption;
        for (auto& t : c.ties) {
            if (t.end != never)
                continue;
            const auto fam = family_of_kind(t.kind);
            if (t.kind == kinds::social_worker.code())
                end_tie(ci, t.other, t.kind, end_reason::age_out, true);
            else if (adopted && fam == kind_family::birth_family)
                end_tie(ci, t.other, t.kind, end_reason::adoption, true);
        }
        if (c.sw != none) {
            auto& load = workers_[c.sw].caseload;
            auto it = std::find(load.begin(), load.end(), ci);
            if (it != load.end())
                load.erase(it);
            c.sw = none;
        }
        close_placement_log(ci);
        vacate(c.carer, ci);
        release_held(ci, false); // leaving care closes every placement
        c.carer = none;
        c.in_care = false;
        c.exit_day = now_;
        c.last_exit = route;
        ++c.version;
        // follow after care: re-entry is possible after a return home or a legal order
        const int age_now = age(c, now_);
        c.followed = false;
        if (age_now < 18 && route != exit_route::staying_put
            && route != exit_route::independent_living) {
            exits_.push_back(exit_log{now_, route, never});
            c.exit_log = static_cast<std::uint32_t>(exits_.size() - 1);
            double rate = 0;
            if (route == exit_route::return_home)
                rate = cal_.reentry_after_return_rate.value;
            if (route == exit_route::special_guardianship)
                rate = cal_.sgo_disruption_rate.value;
            if (route == exit_route::child_arrangements_order)
                rate = cal_.cao_disruption_rate.value;
            if (route == exit_route::adoption)
                rate = cal_.adoption_breakdown_rate.value;
            ++c.version;
            const double dt = c.rng.exponential(rate) * days_per_year;
            const double window = route == exit_route::return_home ? 5 * days_per_year : 1e9;
            const std::int32_t at18 = c.edge_days.back();
            if (dt < window && now_ + dt < at18 && now_ + dt <= end_) {
                c.followed = true;
                push(now_ + std::max<std::int32_t>(1, static_cast<std::int32_t>(dt)), ev_child, ci,
                     c.version);
            }
        }
    }
    void reenter(std::uint32_t ci) {
        auto& c = children_[ci];
        c.followed = false;
        if (age(c, now_) >= 18)
            return;
        enter_group({ci}, true);
    }

    // ---- logs for cohort measures
    // -----------------------------------------------------------------
    struct exit_log {
        std::int32_t day;
        exit_route route;
        std::int32_t back;
    };
    struct placement_log {
        std::int32_t start;
        bool kinship;
        std::int32_t end;
    };
    std::vector<exit_log> exits_;
    std::vector<placement_log> placements_log_;
    std::vector<std::uint32_t> open_log_; // per child index: open placement log entry
    void log_placement(std::uint32_t ci) {
        const auto h = children_[ci].home;
        if (open_log_.size() <= ci)
            open_log_.resize(ci + 1, none);
        if (h != home_kind::foster && h != home_kind::kinship_foster) {
            open_log_[ci] = none;
            return;
        }
        placements_log_.push_back({now_, h == home_kind::kinship_foster, never});
        open_log_[ci] = static_cast<std::uint32_t>(placements_log_.size() - 1);
    }
    void close_placement_log(std::uint32_t ci) {
        if (ci < open_log_.size() && open_log_[ci] != none) {
            placements_log_[open_log_[ci]].end = now_;
            open_log_[ci] = none;
        }
    }
    void finish_cohorts() {
        for (std::size_t k = 0; k < snapshots_.size(); ++k) {
            auto& a = result_.years[k];
            const std::int32_t snap = snapshots_[k];
            auto cohort = [&](int back_years, auto&& fn) {
                // the year ending 31 March `back_years` before this one, if simulated
                if (static_cast<int>(k) - back_years < 0)
                    return false;
                const std::int32_t hi = snapshots_[k - static_cast<std::size_t>(back_years)];
                const std::int32_t lo =
                    k - static_cast<std::size_t>(back_years) == 0
                        ? start_
                        : snapshots_[k - static_cast<std::size_t>(back_years) - 1];
                fn(lo, hi);
                return true;
            };
            a.cohort5 = cohort(5, [&](std::int32_t lo, std::int32_t hi) {
                for (const auto& e : exits_) {
                    if (e.day <= lo || e.day > hi)
                        continue;
                    const bool back = e.back != never && e.back - e.day <= 1826;
                    a[tally::reentry_base] += 1;
                    a[tally::reentry] += back;
                    if (e.route == exit_route::special_guardianship) {
                        a[tally::sgo_base] += 1;
                        a[tally::sgo_back] += back;
                    }
                }
            });
            a.cohort12 = cohort(12, [&](std::int32_t lo, std::int32_t hi) {
                for (const auto& e : exits_)
                    if (e.day > lo && e.day <= hi && e.route == exit_route::adoption) {
                        a[tally::adoption_base] += 1;
                        a[tally::adoption_back] += e.back != never && e.back - e.day <= 4383;
                    }
            });
            a.cohort2 = cohort(2, [&](std::int32_t lo, std::int32_t hi) {
                for (const auto& p : placements_log_)
                    if (p.start > lo && p.start <= hi) {
                        const bool cont = p.end == never || p.end - p.start >= 730;
                        if (p.kinship) {
                            a[tally::kinship_base] += 1;
                            a[tally::kinship_continuing] += cont;
                        } else {
                            a[tally::unrelated_base] += 1;
                            a[tally::unrelated_continuing] += cont;
                        }
                    }
            });
            (void)snap;
        }
    }

    // ---- the 31 March snapshot --------------------------------------------------------------
    void snapshot(std::uint32_t k) {
        auto& a = result_.years[k];
        const std::int32_t year_start = k == 0 ? start_ : snapshots_[k - 1];
        for (std::uint32_t ci = 0; ci < children_.size(); ++ci) {
            auto& c = children_[ci];
            // days in care during the year (also counts those who left)
            const std::int32_t from = std::max(year_start, c.period_start);
            const std::int32_t to = c.in_care ? now_ : std::min(now_, c.exit_day);
            if (to > from) {
                a[tally::care_days] += to - from;
                result_.care_days += to - from;
                result_.child_days += to - from;
            }
            if (!c.in_care) {
                // followed after care (for re-entry) until 18
                if (c.followed)
                    result_.child_days += now_ - std::max(year_start, c.exit_day);
                c.moves_year = 0;
                continue;
            }
            const int ag = age(c, now_);
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
            if (ag < 16 && now_ - c.period_start >= 913) {
                a[tally::stable_base] += 1;
                a[tally::stable] += now_ - c.placement_start >= 730;
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
            if (c.period_start <= now_ - 365) {
                a[tally::no_change_1yr_base] += 1;
                a[tally::no_change_1yr] += c.last_move <= now_ - 365 && c.last_school <= now_ - 365
                                           && c.last_sw <= now_ - 365;
            }
            if (c.period_start <= now_ - 730) {
                a[tally::no_change_2yr_base] += 1;
                a[tally::no_change_2yr] += c.last_move <= now_ - 730 && c.last_school <= now_ - 730
                                           && c.last_sw <= now_ - 730;
            }
            c.moves_year = 0;
        }
    }

    // ---- state ---------------------------------------------------------------------------------
    authority_input in_;
    const calibration& cal_;
    const scenario& pol_;
    std::int32_t start_, end_ = 0, now_ = 0;
    /// A contact day planned on a kept child's tie after a move.
    struct planned_contact {
        std::uint32_t history, other;
        std::uint16_t kind;
        std::int32_t day;
    };
    std::vector<planned_contact> contacts_;
    int first_year_ = 0;
    std::vector<std::int32_t> snapshots_;
    std::vector<child_rec> children_;
    std::vector<family_rec> families_;
    std::vector<carer_rec> carers_;
    std::vector<worker_rec> workers_;
    std::vector<std::uint32_t> active_workers_;
    std::array<std::vector<std::uint32_t>, 4> free_;
    std::array<std::array<std::uint32_t, 2>, home_count> provider_{};
    double households_ = 0;
    double lt_share_ = 0.62; // chance an eligible child in the stock is in a long-term home
    std::vector<std::uint32_t> day_head_; // first event of each day from start_, or none
    std::vector<event_node> pool_;        // events, and spent nodes for reuse
    std::uint32_t free_node_ = none;
    double arrival_clock_ = 0;
    std::uint32_t next_person_ = 0;
    std::size_t kept_ = 0;
    stream arrivals_, workers_rng_, carers_rng_;
    authority_result result_;
};

} // namespace carepath::sim::detail
