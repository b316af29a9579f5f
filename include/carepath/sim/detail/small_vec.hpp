#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// A vector of trivially copyable values that holds its first N in place and moves them all to
// the heap only when it outgrows them. The simulation's short lists (a child's open ties, a
// family's children) are made hundreds of thousands of times a run; in place they cost no
// allocation and no free (issue 14).
#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>
#include <vector>

namespace carepath::sim::detail {

template <class T, std::size_t N>
class small_vec {
    static_assert(std::is_trivially_copyable_v<T>, "small_vec copies its values as bytes");
    static_assert(N > 0);

public:
    using value_type = T;
    using iterator = T*;
    using const_iterator = const T*;

    [[nodiscard]] std::size_t size() const noexcept { return spilled_ ? heap_.size() : n_; }
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }
    [[nodiscard]] T* data() noexcept { return spilled_ ? heap_.data() : here_.data(); }
    [[nodiscard]] const T* data() const noexcept { return spilled_ ? heap_.data() : here_.data(); }
    [[nodiscard]] T* begin() noexcept { return data(); }
    [[nodiscard]] T* end() noexcept { return data() + size(); }
    [[nodiscard]] const T* begin() const noexcept { return data(); }
    [[nodiscard]] const T* end() const noexcept { return data() + size(); }
    [[nodiscard]] T& operator[](std::size_t i) noexcept { return data()[i]; }
    [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return data()[i]; }

    void push_back(const T& v) {
        if (!spilled_) {
            if (n_ < N) {
                here_[n_++] = v;
                return;
            }
            // the first value past N: all of them move to the heap, and stay there
            heap_.reserve(2 * N);
            heap_.assign(here_.begin(), here_.end());
            spilled_ = true;
        }
        heap_.push_back(v);
    }

    /// Removes the value at `pos`; the values after it keep their order.
    T* erase(T* pos) noexcept {
        T* const last = end();
        std::copy(pos + 1, last, pos);
        if (spilled_)
            heap_.pop_back();
        else
            --n_;
        return pos;
    }

private:
    // Once spilled, every value is in `heap_` (a moved-from list is then simply empty).
    std::vector<T> heap_;
    std::array<T, N> here_{};
    std::size_t n_ = 0; // the count while in place
    bool spilled_ = false;
};

} // namespace carepath::sim::detail
