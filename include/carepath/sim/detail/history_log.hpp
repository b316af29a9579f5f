#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The kept children's care histories, recorded during an authority's run as one flat log of
// small records and built into `care_history` objects once, when the run ends. Each history's
// lists are then allocated once, at their final size, after the run's short-lived memory has
// gone, instead of growing event by event among it (issue 14: grown that way, the histories
// took about a quarter of the CPU time of `carepath simulate`, much of it the kernel zeroing
// fresh pages).
#include "carepath/core/care_history.hpp"
#include "carepath/sim/detail/hazards.hpp"

#include <cstdint>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace carepath::sim::detail {

// The care events the model records, one value each.
enum class logged : std::uint8_t {
    entered,            // entered_care
    reentered,          // reentered_care
    placement_changed,  // placement_changed
    held_released,      // held_placement_released
    legal_changed,      // legal_status_changed
    left,               // left_care
    worker_changed,     // worker_changed (the social worker)
    relationship_begun, // relationship_begun, between the child and `person`
    relationship_ended, // relationship_ended
    contact             // contact_recorded: a planned contact day, logged when the run ends
};

// One event of a kept child, as the model knows it. A placement is always the model's kind:
// a carer (`person`, also the carer's id) in this authority, inside its area or not.
struct log_record {
    std::uint32_t history = 0; // index of the kept history
    std::int32_t day = 0;      // the event's day (day_number)
    logged what = logged::entered;
    // legal_status (entries, legal changes), exit_route (leaving) or end_reason (endings)
    std::uint8_t code = 0;
    std::uint16_t kind = 0;  // relationship kind code (relationships)
    std::uint32_t person = 0; // the carer, the worker or the other person
    placement_type type = placement_type::U6;       // placements: the type
    std::optional<change_reason> reason{};           // placement_changed: why
    bool inside = true; // placements: inside the home authority
    bool flag = false;  // placement_changed: hold the previous one open; endings: planned
};

// The records of one authority's kept children, in the order the model made them.
template <class = void>
class basic_history_log {
public:
    explicit basic_history_log(local_authority_id authority) : authority_{authority} {}

    void push(const log_record& r) {
        records_.push_back(r);
        if (r.what == logged::entered || r.what == logged::reentered) {
            if (began_.size() <= r.history)
                began_.resize(r.history + 1, false);
            began_[r.history] = true;
        }
    }
    // True once an entry to care has been logged for `history` (the model keeps to the
    // history's rules, so its history then has a period of care).
    [[nodiscard]] bool has_period(std::uint32_t history) const noexcept {
        return history < began_.size() && began_[history];
    }
    [[nodiscard]] std::size_t size() const noexcept { return records_.size(); }

    // The care event a record stands for, in the history of `subject`.
    [[nodiscard]] care_event event_of(const log_record& r, person_id subject) const {
        const date on = date{days{r.day}};
        switch (r.what) {
        case logged::entered:
            return entered_care{on, legal_status{r.code}, placement_of(r)};
        case logged::reentered:
            return reentered_care{on, legal_status{r.code}, placement_of(r)};
        case logged::placement_changed:
            return placement_changed{on, placement_of(r), r.reason, r.flag};
        case logged::held_released:
            return held_placement_released{on};
        case logged::legal_changed:
            return legal_status_changed{on, legal_status{r.code}};
        case logged::left:
            return left_care{on, exit_route{r.code}};
        case logged::worker_changed:
            return worker_changed{on, worker_role::social_worker, social_worker_id{r.person}};
        case logged::relationship_begun:
            return relationship_begun{relationship{subject, person_id{r.person}, kind_of(r.kind), on}};
        case logged::contact:
            return contact_recorded{person_id{r.person}, kind_of(r.kind), on};
        case logged::relationship_ended:
        default:
            return relationship_ended{person_id{r.person}, kind_of(r.kind),
                                      relationship_ending{on, end_reason{r.code}, r.flag, {}}};
        }
    }

    // Adds every record to its history (`histories[record.history]`), each history's in the
    // order logged, with room made for them first; counts the events a history refused,
    // except contacts: a planned contact is refused, rightly, when its tie ended before the
    // contact day. The log is empty afterwards.
    void build(std::vector<care_history>& histories, std::uint64_t& refused) {
        // the records of each history together, in log order (a counting sort)
        std::vector<std::uint32_t> first(histories.size() + 1, 0);
        for (const auto& r : records_)
            ++first[r.history + 1];
        for (std::size_t h = 1; h < first.size(); ++h)
            first[h] += first[h - 1];
        std::vector<std::uint32_t> order(records_.size());
        {
            auto next = first;
            for (std::uint32_t i = 0; i < records_.size(); ++i)
                order[next[records_[i].history]++] = i;
        }
        std::vector<care_event> events;
        for (std::size_t h = 0; h < histories.size(); ++h) {
            auto& history = histories[h];
            events.clear();
            for (auto i = first[h]; i < first[h + 1]; ++i)
                events.push_back(event_of(records_[order[i]], history.subject().as_person));
            history.reserve(events);
            for (auto& e : events) {
                const bool contact = std::holds_alternative<contact_recorded>(e);
                if (!history.add(std::move(e)) && !contact)
                    ++refused;
            }
        }
        records_.clear();
        records_.shrink_to_fit();
        began_.clear();
    }

private:
    [[nodiscard]] placement placement_of(const log_record& r) const {
        placement p = placement::with_carer(r.type, carer_id{r.person});
        p.location.authority = authority_;
        p.location.inside_home_authority = r.inside;
        return p;
    }

    local_authority_id authority_;
    std::vector<log_record> records_;
    std::vector<bool> began_;
};
using history_log = basic_history_log<>;

} // namespace carepath::sim::detail
