#pragma once
// Private to carepath: an implementation detail, not part of the API.
// Short texts compared and looked up by name, for the readers that meet the same ids millions
// of times (the SSDA903 rules' child ids, the cohort readers' person ids).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace carepath::detail {

// Whether two texts are the same. Ids, codes and cells are a few bytes long and compared
// millions of times: up to 16 bytes are compared as two overlapping words, inline, where a call
// to memcmp for each was the largest single cost of validation (issue 14).
[[nodiscard]] constexpr bool same_text(std::string_view x, std::string_view y) noexcept {
    const std::size_t n = x.size();
    if (n != y.size())
        return false;
    if (std::is_constant_evaluated() || n < 4) {
        for (std::size_t i = 0; i < n; ++i)
            if (x[i] != y[i])
                return false;
        return true;
    }
    const char *a = x.data(), *b = y.data();
    if (n < 8) {
        std::uint32_t p[4];
        std::memcpy(&p[0], a, 4), std::memcpy(&p[1], b, 4);
        std::memcpy(&p[2], a + n - 4, 4), std::memcpy(&p[3], b + n - 4, 4);
        return p[0] == p[1] && p[2] == p[3];
    }
    if (n <= 16) {
        std::uint64_t p[4];
        std::memcpy(&p[0], a, 8), std::memcpy(&p[1], b, 8);
        std::memcpy(&p[2], a + n - 8, 8), std::memcpy(&p[3], b + n - 8, 8);
        return p[0] == p[1] && p[2] == p[3];
    }
    return std::memcmp(a, b, n) == 0;
}

// FNV-1a with a final mix, so that the low bits a power-of-two table uses depend on every byte.
[[nodiscard]] constexpr std::size_t hash_text(std::string_view s) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : s)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return static_cast<std::size_t>(h ^ (h >> 32));
}

// Numbers names 0, 1, 2, ... in the order they are first met. The names are views: their text
// must outlive the index. A slot of the open-addressing table holds a number + 1 (0: empty), so
// a name costs its view and about 6 bytes of table, where a std::unordered_map of views costs
// about 55 (issue 14).
class name_index {
public:
    static constexpr std::uint32_t npos = 0xffffffffu;

    /// Names known.
    [[nodiscard]] std::uint32_t size() const noexcept {
        return static_cast<std::uint32_t>(names_.size());
    }
    /// The name numbered `n` (n < size()).
    [[nodiscard]] std::string_view name(std::uint32_t n) const noexcept { return names_[n]; }

    /// Makes room for `count` names without regrowing the table.
    void reserve(std::size_t count) {
        names_.reserve(count);
        resize_table(count);
    }

    /// The number of `name`, numbering it next when it is new (then the result is size() - 1).
    std::uint32_t intern(std::string_view name) {
        if ((names_.size() + 1) * 4 > slots_.size() * 3)
            resize_table(names_.size() * 2 + 8);
        const std::size_t s = slot_of(name);
        if (slots_[s] == 0) {
            names_.push_back(name);
            slots_[s] = static_cast<std::uint32_t>(names_.size());
        }
        return slots_[s] - 1;
    }

    /// The number of `name`, or nullopt when it was never interned.
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view name) const noexcept {
        if (slots_.empty())
            return std::nullopt;
        const std::uint32_t slot = slots_[slot_of(name)];
        if (slot == 0)
            return std::nullopt;
        return slot - 1;
    }

private:
    // The slot holding `name`, or the empty slot where it would go.
    [[nodiscard]] std::size_t slot_of(std::string_view name) const noexcept {
        const std::size_t mask = slots_.size() - 1;
        std::size_t s = hash_text(name) & mask;
        while (slots_[s] != 0 && !same_text(names_[slots_[s] - 1], name))
            s = (s + 1) & mask;
        return s;
    }
    // At least `count` names fit with the table at most three quarters full.
    void resize_table(std::size_t count) {
        std::size_t n = 16;
        while (n * 3 < count * 4)
            n *= 2;
        if (n <= slots_.size())
            return;
        slots_.assign(n, 0);
        for (std::uint32_t k = 0; k < names_.size(); ++k)
            slots_[slot_of(names_[k])] = k + 1;
    }

    std::vector<std::string_view> names_;
    std::vector<std::uint32_t> slots_;
};

} // namespace carepath::detail
