#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The simulation of one local authority: its children, families, carers and social workers,
// in continuous time at day resolution. Authorities do not interact, so each one is run alone
// (on any thread) and the results are added up in authority order; together with the
// counter-based streams this makes a run's output independent of the number of threads.
//
// This header declares the model and holds its state; the parts it is made of have their own
// headers (event_queue, hazards, carer_pool, cohort_logs, and the member functions in
// stock, entries, moves, exits and people). model.hpp puts them together.
//
// The model and the classes it is made of (carer_pool, cohort_logs, event_queue, history_log)
// are templates with nothing to choose, `basic_x<>` under the name `x`, and so are the inline
// functions of the sim headers that run or write a simulation: with g++ the body of a
// non-template inline function compiles every template it uses in every file that includes
// the header, called or not; as templates they compile only in the files that call them
// (issue 14: about a third of the compile cost of a file including carepath.hpp).
#include "carepath/core/care_history.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/after_care.hpp"
#include "carepath/sim/detail/carer_pool.hpp"
#include "carepath/sim/detail/cohort_logs.hpp"
#include "carepath/sim/detail/event_queue.hpp"
#include "carepath/sim/detail/hazards.hpp"
#include "carepath/sim/detail/history_log.hpp"
#include "carepath/sim/detail/records.hpp"
#include "carepath/sim/detail/tally.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/scenario.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace carepath::sim::detail {

template <class = void>
class basic_authority_model {
public:
    explicit basic_authority_model(const authority_input& in)
        : in_{in}, cal_{*in.cal}, start_{day_number(in.start)},
          burn_in_until_{std::max(start_, day_number(in.burn_in_until))},
          snapshots_{snapshot_days(in)}, end_{snapshots_.back()}, queue_{start_, end_},
          people_{in.index, 0}, carers_{*in.cal, baseline_, in.share,
                                        stream{rng_key{in.seed, in.replicate,
                                                       (std::uint64_t{3} << 40) | in.index,
                                                       purpose::placement}},
                                        people_},
          arrivals_{rng_key{in.seed, in.replicate, (std::uint64_t{1} << 40) | in.index,
                            purpose::entries}},
          workers_rng_{rng_key{in.seed, in.replicate, (std::uint64_t{2} << 40) | in.index,
                               purpose::worker}} {
        result_.years.resize(static_cast<std::size_t>(in.years));
    }
    // the carer pool points at people_
    basic_authority_model(const basic_authority_model&) = delete;
    basic_authority_model& operator=(const basic_authority_model&) = delete;

    authority_result run() {
        carers_.build();
        const auto workers = std::max<std::uint32_t>(
            1, static_cast<std::uint32_t>(
                   std::lround(cal_.stock_count.value * in_.share / cal_.sw_caseload.value)));
        for (std::uint32_t i = 0; i < workers; ++i)
            hire_worker();
        if (in_.seeds)
            seed_given();
        else
            seed_stock();
        seed_after_care();
        schedule_arrival(burn_in_until_); // during a burn-in, entries replace leavers
        for (std::size_t k = 0; k < snapshots_.size(); ++k)
            push(snapshots_[k], ev_snapshot, static_cast<std::uint32_t>(k), 0);
        push(start_ + carers_.next_gap(carers_.turnover_rate()), ev_carer_change, 0, 0);
        for (std::uint32_t w = 0; w < workers_.size(); ++w)
            schedule_worker(w, start_);
        if (burn_in_until_ <= start_) {
            // no burn-in: the stock was drawn under the baseline, the scenario starts now
            const auto keep = now_;
            now_ = start_;
            begin_scenario();
            now_ = keep;
        }
        queue_.run([this](const event& e) {
            now_ = e.day;
            dispatch(e);
        });
        cohorts_.finish(snapshots_, start_, result_.years, first_reported());
        record_contacts();
        log_.build(result_.histories, result_.refused_events);
        result_.children = children_.size();
        return std::move(result_);
    }

private:
    // ---- events (the queue: event_queue.hpp) ----------------------------------------------
    // The 31 March of each simulated year after the stock date.
    static std::vector<std::int32_t> snapshot_days(const authority_input& in) {
        std::vector<std::int32_t> out;
        const int y0 = year_of(in.start);
        for (int k = 0; k < in.years; ++k)
            out.push_back(
                day_number(date{std::chrono::year{y0 + 1 + k} / std::chrono::March / 31}));
        return out;
    }
    void push(std::int32_t day, std::uint8_t type, std::uint32_t entity, std::uint32_t version) {
        queue_.push(day, type, entity, version);
    }
    void dispatch(const event& e) {
        ++result_.events;
        switch (e.type) {
        case ev_child:
            if (children_[e.entity].version == e.version) // else superseded
                child_event(e.entity);
            return;
        case ev_arrival:
            arrival();
            return;
        case ev_worker:
            if (workers_[e.entity].version == e.version) // else redrawn
                worker_leaves(e.entity);
            return;
        case ev_carer_change:
            if (e.version == carer_change_version_) // else redrawn
                carer_turnover();
            return;
        case ev_snapshot:
            snapshot(e.entity);
            return;
        default:
            return;
        }
    }

    std::uint32_t new_person() noexcept { return people_(); }

    // ---- years ------------------------------------------------------------------------------
    [[nodiscard]] int year_index(std::int32_t day) const noexcept {
        // the year ending 31 March that contains `day`
        for (std::size_t k = 0; k < snapshots_.size(); ++k)
            if (day <= snapshots_[k])
                return static_cast<int>(k);
        return static_cast<int>(snapshots_.size()) - 1;
    }
    // The snapshot day (31 March) before the year that contains `day`, or the run's start: the
    // year's first day is the day after it.
    [[nodiscard]] std::int32_t year_start_of(std::int32_t day) const noexcept {
        const int y = year_index(day);
        return y == 0 ? start_ : snapshots_[static_cast<std::size_t>(y - 1)];
    }
    year_acc& acc() { return result_.years[static_cast<std::size_t>(year_index(now_))]; }
    // The first year after a burn-in: cohort measures look back no further than this.
    [[nodiscard]] std::size_t first_reported() const noexcept {
        return static_cast<std::size_t>(
            std::count_if(snapshots_.begin(), snapshots_.end(),
                          [this](std::int32_t d) { return d <= burn_in_until_; }));
    }
    [[nodiscard]] int calendar_year(std::int32_t day) const noexcept {
        return year_of(to_date(day));
    }

    // ---- carers (the pool: carer_pool.hpp) -------------------------------------------------
    std::uint32_t find_home(std::uint32_t ci, home_kind k, bool inside, std::uint32_t need,
                            bool wide) {
        auto& c = children_[ci];
        return carers_.find_home(c, families_[c.family], k, inside, need, wide);
    }
    std::uint32_t avoid(std::uint32_t ci, home_kind h, std::uint32_t carer, std::uint32_t old,
                        bool inside) {
        auto& c = children_[ci];
        return carers_.avoid(c, families_[c.family], h, carer, old, inside);
    }
    void carer_turnover(); // moves.hpp

    // ---- the starting stock (stock.hpp) -----------------------------------------------------
    void seed_stock();
    void seed_given();
    void place_initial(std::uint32_t ci, home_kind h, legal_group l, stream& init,
                       std::optional<bool> inside_given = std::nullopt,
                       std::uint32_t with_carer = none, std::uint32_t need = 1);

    // ---- families, children, arrivals and placing (entries.hpp) ----------------------------
    std::uint32_t new_family(stream& r);
    std::uint32_t new_child(std::uint32_t fam, std::int32_t birth, bool male);
    double entries_per_year() const;
    std::array<double, band_count> entry_ages() const;
    double mean_family_size() const;
    void schedule_arrival(std::int32_t from);
    void arrival();
    void replace_leavers(double change);
    home_kind draw_home(child_rec& c, bool entry);
    void set_home(std::uint32_t ci, home_kind h, std::uint32_t carer);
    static bool has_open_tie(const child_rec& c, std::uint32_t other) {
        for (const auto& t : c.ties)
            if (t.other == other)
                return true;
        return false;
    }
    void enter_group(std::span<const std::uint32_t> group, bool reentry);
    [[nodiscard]] std::uint16_t moves_before_entry(const child_rec& c) const;
    void schedule_hearing(child_rec& c);

    // ---- the next event and moves (moves.hpp) ------------------------------------------------
    void schedule(std::uint32_t ci);
    void child_event(std::uint32_t ci);
    void set_legal(std::uint32_t ci, legal_group g);
    void move_team(std::uint32_t ci, team_move m);
    void same_carer_change(std::uint32_t ci, home_kind h, bool own_carers);
    bool move_child(std::uint32_t ci, std::optional<change_reason> why, bool planned, bool forced);
    void relocate(std::uint32_t ci, home_kind h, change_reason why, bool planned, bool forced);
    void move_to(std::uint32_t ci, home_kind h, std::uint32_t carer, change_reason why, bool hold,
                 bool back_to_held);
    void release_held(std::uint32_t ci, bool record = true);
    bool change_school(std::uint32_t ci, bool near);
    bool start_school(std::uint32_t ci);
    void leave_school(std::uint32_t ci);

    // ---- exits and the yearly count (exits.hpp) -----------------------------------------------
    void leave_at_18(std::uint32_t ci);
    void leave(std::uint32_t ci, exit_route route);
    void reenter(std::uint32_t ci);
    void seed_after_care();
    void snapshot(std::uint32_t k);
    void begin_scenario();
    void redraw_return(std::uint32_t ci, const scenario& was);

    // ---- social workers, ties and histories (people.hpp) --------------------------------------
    std::uint32_t hire_worker();
    std::uint32_t hire_worker_now();
    std::uint32_t hire(bool agency, std::int32_t cover_until);
    std::int32_t vacancy_end();
    void schedule_worker(std::uint32_t w, std::int32_t from);
    std::uint32_t pick_worker(child_rec& c);
    void assign_worker(std::uint32_t ci, end_reason why, std::uint32_t to = none);
    void worker_leaves(std::uint32_t w);
    void begin_tie(std::uint32_t ci, std::uint32_t other, std::uint16_t kind);
    bool end_tie(std::uint32_t ci, std::uint32_t other, std::uint16_t kind, end_reason why,
                 bool planned);
    void end_tie_at(std::uint32_t ci, std::size_t i, std::int32_t day, end_reason why,
                    bool planned);
    [[nodiscard]] contact_frequency arrangement_of(const child_rec& c, const tie_rec& t) const;
    void plan_contacts(std::uint32_t ci);
    void record_contacts();
    void log_placement(const child_rec& c, logged what, legal_status status,
                       std::optional<change_reason> why = std::nullopt, bool hold = false);
    void log_event(const child_rec& c, log_record r);

    // ---- state ----------------------------------------------------------------------------------
    authority_input in_;
    const calibration& cal_;
    // The policy in force: the baseline's while the starting stock is drawn and through a
    // burn-in, the run's scenario from the stock date (begin_scenario, exits.hpp), so a
    // scenario's first reported year holds one year of it, from the baseline's stock.
    const scenario baseline_{};
    const scenario* pol_ = &baseline_;
    std::int32_t start_;
    std::int32_t burn_in_until_; // start_ when there is no burn-in
    std::vector<std::int32_t> snapshots_; // 31 March of each year, the last is the end
    std::int32_t end_, now_ = 0;
    event_queue queue_;
    rate_cache rate_tables_; // the competing rates of each class of child (hazards.hpp)
    person_numbers people_;
    carer_pool carers_;
    cohort_logs cohorts_;
    std::vector<child_rec> children_;
    // The children the yearly snapshot visits, in number order: those in care or followed
    // after care at the last snapshot, then those added since (`listed_` is the first of
    // these). A child neither in care nor followed can never come back (exits.hpp).
    std::vector<std::uint32_t> snapshot_list_;
    std::uint32_t listed_ = 0;
    std::vector<family_rec> families_;
    std::vector<worker_rec> workers_;
    std::vector<std::uint32_t> active_workers_;
    /// A contact day planned on a kept child's tie after a move.
    struct planned_contact {
        std::uint32_t history, other;
        std::uint16_t kind;
        std::int32_t day;
    };
    std::vector<planned_contact> contacts_;
    std::uint32_t carer_change_version_ = 0; // the pending ev_carer_change's
    double arrival_clock_ = 0;
    double replacements_due_ = 0; // burn-in: leavers not yet replaced by entries
    bool replacement_pushed_ = false;
    std::size_t kept_ = 0;
    stream arrivals_, workers_rng_;
    authority_result result_;
    history_log log_{in_.id}; // the kept children's events, built into histories at the end
};
using authority_model = basic_authority_model<>;

} // namespace carepath::sim::detail
