#pragma once
// Private to carepath::graph: an implementation detail, not part of the API.
// Person ids to the numbers a container gave them (vertices, rows), for the relationship graph
// and the placement index. Small dense ids (a cohort numbered from 0) are looked up in a
// vector, any other id in a hash map; both give the same answers, so the choice changes only
// speed and memory.
#include "carepath/core/ids.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace carepath::graph::detail {

class person_index {
public:
    static constexpr std::uint32_t none = 0xffffffffU; ///< no number for this person

    /// The number given to `p`, or `none`.
    [[nodiscard]] std::uint32_t find(person_id p) const noexcept {
        const auto k = p.value();
        if (k < dense_.size() && dense_[k] != none) return dense_[k];
        if (sparse_.empty()) return none;
        if (auto it = sparse_.find(p); it != sparse_.end()) return it->second;
        return none;
    }
    /// Gives `p`, not yet known, the number `n`. Ids below `dense_below` go into the vector
    /// (the caller sets how sparse it may grow for its size); larger ones into the hash map.
    void add(person_id p, std::uint32_t n, std::size_t dense_below) {
        const auto k = p.value();
        if (k < dense_.size() || k < dense_below) {
            if (k >= dense_.size())
                grow(std::max<std::size_t>(k + 1, 2 * dense_.size()));
            dense_[k] = n;
        } else {
            sparse_.emplace(p, n);
        }
    }

private:
    // A new vector of `size` (old numbers copied, the rest `none`) rather than `resize`: g++ 12
    // at -O2 inlines resize's move of an empty vector into a caller and warns of a 204-byte
    // memmove out of bounds (-Warray-bounds, a false positive seen in person_index_test).
    void grow(std::size_t size) {
        std::vector<std::uint32_t> wider(size, none);
        std::copy(dense_.begin(), dense_.end(), wider.begin());
        dense_.swap(wider);
    }

    std::vector<std::uint32_t> dense_;
    std::unordered_map<person_id, std::uint32_t> sparse_;
};

} // namespace carepath::graph::detail
