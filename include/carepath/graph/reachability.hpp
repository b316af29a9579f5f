#pragma once
/// @file
/// Time-respecting reachability: can news, a letter or an introduction pass from the child to
/// someone through contacts that happen one after another? A path counts only when each
/// contact is on or after the day of the one before it, so a grandparent seen in March cannot
/// pass on what the child tells an aunt in May.
#include "carepath/core/dates.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/graph/relationship_graph.hpp"

#include <range/v3/view/chunk_by.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace carepath::graph {

/// The first day each person could have heard from `from`, passing only along recorded
/// contacts in `[start, end)` in date order (several contacts on one day may chain).
/// `from` itself is reached on `start`. People never reached are absent.
[[nodiscard]] inline std::map<person_id, date> earliest_arrival(const relationship_graph& g,
                                                                person_id from, date start, date end) {
    (void)g.vertex_of(from); // unknown people are a programming error
    std::vector<contact_event> events;
    for (const auto& c : g.contacts())
        if (c.on >= start && c.on < end) events.push_back(c);
    std::ranges::stable_sort(events, {}, &contact_event::on);
    std::map<person_id, date> arrival{{from, start}};
    const auto reached_by = [&](person_id p, date d) {
        auto it = arrival.find(p);
        return it != arrival.end() && it->second <= d;
    };
    const auto same_day = [](const contact_event& x, const contact_event& y) { return x.on == y.on; };
    // Contacts of one day can chain in any order, so each day is repeated until nothing new.
    for (const auto day : events | ::ranges::views::chunk_by(same_day)) {
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& e : day)
                for (auto [x, y] : {std::pair{e.a, e.b}, std::pair{e.b, e.a}})
                    if (reached_by(x, e.on) && !arrival.contains(y)) {
                        arrival[y] = e.on;
                        changed = true;
                    }
        }
    }
    return arrival;
}

/// True when `to` can be reached from `from` through contacts in time order in `[start, end)`.
[[nodiscard]] inline bool reachable_in_time(const relationship_graph& g, person_id from, person_id to,
                                            date start, date end) {
    return earliest_arrival(g, from, start, end).contains(to);
}

} // namespace carepath::graph
