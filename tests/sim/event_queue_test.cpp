#include "carepath/sim/detail/event_queue.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>
#include <vector>

using namespace carepath::sim::detail;

namespace {
using seen = std::tuple<std::int32_t, int, std::uint32_t>; // day, type, entity
std::vector<seen> drain(event_queue& q) {
    std::vector<seen> out;
    q.run([&](const event& e) { out.emplace_back(e.day, e.type, e.entity); });
    return out;
}
} // namespace

TEST_CASE("event_queue: events come out by day, then type, then push order", "[sim][events]") {
    event_queue q{100, 110};
    q.push(105, ev_snapshot, 1, 0);
    q.push(105, ev_child, 2, 0);
    q.push(102, ev_worker, 3, 0);
    q.push(105, ev_child, 4, 0);
    q.push(105, ev_arrival, 5, 0);
    q.push(100, ev_carer_change, 6, 0);
    CHECK(drain(q)
          == std::vector<seen>{{100, ev_carer_change, 6},
                               {102, ev_worker, 3},
                               {105, ev_child, 2},
                               {105, ev_child, 4},
                               {105, ev_arrival, 5},
                               {105, ev_snapshot, 1}});
}

TEST_CASE("event_queue: an event pushed while handling one runs in its turn", "[sim][events]") {
    event_queue q{0, 10};
    q.push(3, ev_child, 1, 0);
    q.push(3, ev_snapshot, 2, 0);
    std::vector<seen> out;
    q.run([&](const event& e) {
        out.emplace_back(e.day, e.type, e.entity);
        if (e.entity == 1) {
            q.push(3, ev_arrival, 10, 0); // today, before the snapshot
            q.push(4, ev_child, 11, 7);   // tomorrow
        }
    });
    CHECK(out
          == std::vector<seen>{
              {3, ev_child, 1}, {3, ev_arrival, 10}, {3, ev_snapshot, 2}, {4, ev_child, 11}});
}

TEST_CASE("event_queue: days after the last are dropped, days before today refused",
          "[sim][events]") {
    event_queue q{0, 5};
    q.push(6, ev_child, 1, 0);
    q.push(5, ev_child, 2, 0);
    CHECK(drain(q) == std::vector<seen>{{5, ev_child, 2}});
    event_queue p{0, 5};
    p.push(2, ev_child, 1, 0);
    bool refused = false;
    p.run([&](const event&) {
        try {
            p.push(1, ev_child, 9, 0);
        } catch (const std::logic_error&) {
            refused = true;
        }
    });
    CHECK(refused);
}

TEST_CASE("event_queue: reused nodes keep the order", "[sim][events]") {
    event_queue q{0, 100};
    // each event schedules the next two days on, so spent nodes are reused throughout
    q.push(0, ev_child, 0, 0);
    q.push(0, ev_worker, 999, 0);
    std::vector<seen> out;
    q.run([&](const event& e) {
        out.emplace_back(e.day, e.type, e.entity);
        if (e.type == ev_child && e.day + 2 <= 100) {
            q.push(e.day + 2, ev_worker, e.entity + 1000, 0);
            q.push(e.day + 2, ev_child, e.entity + 1, 0);
        }
    });
    REQUIRE(out.size() == 2 * 51);
    for (std::size_t i = 0; i < out.size(); i += 2) {
        CHECK(std::get<0>(out[i]) == static_cast<std::int32_t>(i));
        CHECK(std::get<1>(out[i]) == ev_child);
        CHECK(std::get<1>(out[i + 1]) == ev_worker);
        CHECK(std::get<2>(out[i + 1]) == std::get<2>(out[i]) + 999); // pushed the day before last
    }
}

TEST_CASE("event_queue: the order of a heap on (day, type, push order), whatever is pushed "
          "while handling",
          "[sim][events]") {
    // children's events join the day after its last one (the queue keeps that node); random
    // pushes for today and later while handling, of every type, check that shortcut against
    // an ordered set used as the heap, popped in step with the queue
    std::mt19937 gen{20261207};
    const std::uint8_t types[] = {ev_child, ev_child, ev_child, ev_arrival, ev_worker,
                                  ev_carer_change, ev_snapshot};
    for (int round = 0; round < 20; ++round) {
        event_queue q{0, 30};
        using key = std::tuple<std::int32_t, int, std::uint32_t>; // day, type, push number
        std::set<key> heap;
        std::uint32_t pushed = 0;
        auto push = [&](std::int32_t day) {
            const auto type = types[gen() % std::size(types)];
            q.push(day, type, pushed, 0);
            if (day <= 30)
                heap.emplace(day, type, pushed);
            ++pushed;
        };
        for (int i = 0; i < 40; ++i)
            push(static_cast<std::int32_t>(gen() % 31));
        std::size_t handled = 0, wrong = 0;
        q.run([&](const event& e) {
            REQUIRE(!heap.empty());
            wrong += *heap.begin() != key{e.day, e.type, e.entity};
            heap.erase(heap.begin());
            ++handled;
            if (pushed < 400)
                for (unsigned k = gen() % 3; k > 0; --k)
                    push(e.day + static_cast<std::int32_t>(gen() % 3)); // today or soon
        });
        CHECK(wrong == 0);
        CHECK(heap.empty());
        CHECK(handled > 100);
    }
}
