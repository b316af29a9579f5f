// carepath/core/detail/names.hpp: short texts compared and numbered by name.
#include "carepath/core/detail/names.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using carepath::detail::name_index;
using carepath::detail::same_text;

TEST_CASE("same_text agrees with == at every length and every differing byte", "[core][names]") {
    // The word compares cover lengths 4-7 and 8-16 with two overlapping loads: a difference at
    // any position, first, middle or last, must be seen.
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string a(n, 'x');
        for (std::size_t i = 0; i < n; ++i)
            a[i] = static_cast<char>('A' + (i * 7) % 26);
        const std::string same = a;
        CHECK(same_text(a, same));
        for (std::size_t i = 0; i < n; ++i) {
            std::string b = a;
            b[i] = static_cast<char>(b[i] + 1);
            INFO("length " << n << ", byte " << i);
            CHECK_FALSE(same_text(a, b));
            CHECK_FALSE(same_text(b, a));
        }
        CHECK_FALSE(same_text(a, a + "y"));
    }
    // Views into the middle of a longer text compare only their own bytes.
    const std::string text = "FC0000001,FC0000001x";
    CHECK(same_text(std::string_view{text}.substr(0, 9), std::string_view{text}.substr(10, 9)));
}

TEST_CASE("same_text works in constant expressions", "[core][names]") {
    static_assert(same_text("abcd", "abcd"));
    static_assert(!same_text("abcdefghi", "abcdefghj"));
    static_assert(same_text("", ""));
}

TEST_CASE("name_index numbers names in the order first met", "[core][names]") {
    name_index ids;
    CHECK(ids.size() == 0);
    CHECK_FALSE(ids.find("C1"));
    CHECK(ids.intern("C1") == 0);
    CHECK(ids.intern("C2") == 1);
    CHECK(ids.intern("C1") == 0); // met again: same number, nothing added
    CHECK(ids.size() == 2);
    CHECK(ids.name(1) == "C2");
    CHECK(ids.find("C2") == 1u);
    CHECK_FALSE(ids.find("C3"));
    CHECK_FALSE(ids.find(""));
    CHECK(ids.intern("") == 2); // an empty id is a name like any other
    CHECK(ids.find("") == 2u);
}

TEST_CASE("name_index finds every name after the table grows", "[core][names]") {
    // Ids of varied shapes and lengths, so that probes collide and the table regrows many times.
    std::vector<std::string> names;
    for (int i = 0; i < 20000; ++i)
        names.push_back((i % 3 == 0 ? "child-" : i % 3 == 1 ? "P" : "a long identifier ")
                        + std::to_string(i * 7919 % 100003));
    SECTION("growing from empty") {
        name_index ids;
        for (std::size_t i = 0; i < names.size(); ++i)
            REQUIRE(ids.intern(names[i]) == i);
        REQUIRE(ids.size() == names.size());
        for (std::size_t i = 0; i < names.size(); ++i) {
            REQUIRE(ids.find(names[i]) == static_cast<std::uint32_t>(i));
            REQUIRE(ids.name(static_cast<std::uint32_t>(i)) == names[i]);
        }
        CHECK_FALSE(ids.find("child-100004"));
        CHECK_FALSE(ids.find("P"));
    }
    SECTION("reserved first, then past the reservation") {
        name_index ids;
        ids.reserve(100);
        for (std::size_t i = 0; i < names.size(); ++i)
            REQUIRE(ids.intern(names[i]) == i);
        for (std::size_t i = names.size(); i-- > 0;)
            REQUIRE(ids.intern(names[i]) == i); // all known: numbers unchanged
        CHECK(ids.size() == names.size());
    }
}
