#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The event queue of one authority's run: a list per day kept in (type, push order) order, so
// events come out in the order of a heap on (day, type, push order) without the heap's
// sifting. Spent nodes are reused. Events after the last day are never processed, so they
// are not kept.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace carepath::sim::detail {

/// The kinds of event, in the order they are handled on the same day.
enum event_type : std::uint8_t {
    ev_child = 0,        // a child's next event (superseded when its version has moved on)
    ev_arrival = 1,      // a family arrives in care
    ev_worker = 2,       // a social worker leaves
    ev_carer_change = 3, // a foster household is approved or stops fostering
    ev_snapshot = 9      // 31 March: the year's counts
};

struct event {
    std::int32_t day;
    std::uint8_t type;
    std::uint32_t entity;
    std::uint32_t version;
};

template <class = void>
class basic_event_queue {
public:
    static constexpr std::uint32_t no_node = 0xffffffffU;

    /// A queue for the days `[first, last]`.
    basic_event_queue(std::int32_t first, std::int32_t last)
        : first_{first}, last_{last}, today_{first},
          day_head_(static_cast<std::size_t>(last - first + 1), no_node),
          day_last_child_(day_head_.size(), no_node) {}

    /// Adds an event; one after the last day is dropped.
    /// @throws std::logic_error for a day before the one being processed.
    void push(std::int32_t day, std::uint8_t type, std::uint32_t entity, std::uint32_t version) {
        if (day > last_)
            return;
        if (day < today_)
            throw std::logic_error{"sim: an event scheduled in the past"};
        std::uint32_t n = free_node_;
        if (n != no_node) {
            free_node_ = pool_[n].next;
        } else {
            n = static_cast<std::uint32_t>(pool_.size());
            pool_.emplace_back();
        }
        pool_[n].e = event{day, type, entity, version};
        const auto d = static_cast<std::size_t>(day - first_);
        // after every event of the same or a lower type: push order within a type. Children's
        // events, the lowest type and most of the queue, go straight after the day's last one.
        std::uint32_t* link = &day_head_[d];
        if (type == ev_child && day_last_child_[d] != no_node)
            link = &pool_[day_last_child_[d]].next;
        while (*link != no_node && pool_[*link].e.type <= type)
            link = &pool_[*link].next;
        pool_[n].next = *link;
        *link = n;
        if (type == ev_child)
            day_last_child_[d] = n;
    }

    /// Calls `handle(e)` for every event in order, day by day; `handle` may push events for
    /// the same day (after the ones already there of its type) or later.
    template <class Handle>
    void run(Handle&& handle) {
        for (std::int32_t d = first_; d <= last_; ++d) {
            today_ = d;
            auto& head = day_head_[static_cast<std::size_t>(d - first_)];
            auto& last_child = day_last_child_[static_cast<std::size_t>(d - first_)];
            while (head != no_node) {
                const auto n = head;
                const event e = pool_[n].e;
                head = pool_[n].next;
                if (n == last_child)
                    last_child = no_node; // the day's children's events are all out
                pool_[n].next = free_node_;
                free_node_ = n;
                handle(e);
            }
        }
    }

    [[nodiscard]] std::int32_t last_day() const noexcept { return last_; }

private:
    struct node {
        event e;
        std::uint32_t next = no_node;
    };
    std::int32_t first_, last_, today_;
    std::vector<std::uint32_t> day_head_; // first event of each day from first_, or no_node
    std::vector<std::uint32_t> day_last_child_; // last ev_child event of each day, or no_node
    std::vector<node> pool_;              // events, and spent nodes for reuse
    std::uint32_t free_node_ = no_node;
};
using event_queue = basic_event_queue<>;

} // namespace carepath::sim::detail
