#include "carepath/sim/detail/small_vec.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <utility>
#include <vector>

using carepath::sim::detail::small_vec;

namespace {
template <std::size_t N>
std::vector<int> values(const small_vec<int, N>& v) {
    return {v.begin(), v.end()};
}
} // namespace

TEST_CASE("small_vec: values in place, then all on the heap, in order", "[sim][small_vec]") {
    small_vec<int, 3> v;
    CHECK(v.empty());
    v.push_back(1);
    v.push_back(2);
    v.push_back(3);
    const int* here = v.data();
    CHECK(values(v) == std::vector<int>{1, 2, 3});
    v.push_back(4); // past N: every value moves to the heap
    CHECK(v.data() != here);
    CHECK(v.size() == 4);
    for (int i = 5; i <= 40; ++i)
        v.push_back(i);
    REQUIRE(v.size() == 40);
    for (std::size_t i = 0; i < v.size(); ++i)
        CHECK(v[i] == static_cast<int>(i) + 1);
}

TEST_CASE("small_vec: erase keeps the order of the rest, in place and spilled",
          "[sim][small_vec]") {
    small_vec<int, 4> v;
    for (int i = 1; i <= 4; ++i)
        v.push_back(i);
    CHECK(*v.erase(v.begin() + 1) == 3);
    CHECK(values(v) == std::vector<int>{1, 3, 4});
    v.erase(v.end() - 1);
    CHECK(values(v) == std::vector<int>{1, 3});
    v.push_back(5);
    v.push_back(6);
    v.push_back(7); // spills
    v.erase(v.begin());
    CHECK(values(v) == std::vector<int>{3, 5, 6, 7});
    v.erase(v.begin() + 2);
    CHECK(values(v) == std::vector<int>{3, 5, 7});
    while (!v.empty())
        v.erase(v.begin());
    CHECK(v.size() == 0);
    v.push_back(9);
    CHECK(values(v) == std::vector<int>{9});
}

TEST_CASE("small_vec: copies are independent; a moved-from list is valid", "[sim][small_vec]") {
    small_vec<int, 2> small, big;
    small.push_back(1);
    for (int i = 0; i < 5; ++i)
        big.push_back(i);
    auto small_copy = small;
    auto big_copy = big;
    small_copy.push_back(2);
    big_copy.erase(big_copy.begin());
    CHECK(values(small) == std::vector<int>{1});
    CHECK(values(big) == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(values(big_copy) == std::vector<int>{1, 2, 3, 4});
    auto moved = std::move(big);
    CHECK(values(moved) == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(big.empty()); // its values went with the heap block
    big = small;
    CHECK(values(big) == std::vector<int>{1});
}
