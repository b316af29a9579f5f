#include "carepath/core/result.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace carepath;

namespace {
result<int> half(int n) {
    if (n % 2 != 0) return error_message(std::to_string(n) + " is odd");
    return n / 2;
}
} // namespace

TEST_CASE("result: holds either a value or the diagnostic saying why not", "[core][result]") {
    const auto good = half(8);
    REQUIRE(good.ok());
    CHECK(static_cast<bool>(good));
    CHECK(*good == 4);
    CHECK(good.value_or(-1) == 4);

    const auto bad = half(7);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "7 is odd");
    CHECK(bad.value_or(-1) == -1);
}

TEST_CASE("result: asking a failed result for its value is a programming error",
          "[core][result]") {
    const auto bad = half(3);
    CHECK_THROWS_AS(bad.value(), contract_violation);
    CHECK_THROWS_WITH(bad.value(), "result::value() called on an error: 3 is odd");
    CHECK_THROWS_AS(half(2).error(), contract_violation);
}

TEST_CASE("result: a diagnostic prints as file:line:column: FIELD=\"value\": message",
          "[core][result]") {
    diagnostic d;
    d.file = "episodes.csv";
    d.line = 14;
    d.field = "DECOM";
    d.value = "31/02/2023";
    d.message = "not a calendar date";
    CHECK(to_string(d) == "episodes.csv:14: DECOM=\"31/02/2023\": not a calendar date");
    d.column = 2;
    d.rule = "141";
    CHECK(to_string(d) == "episodes.csv:14:2: [141] DECOM=\"31/02/2023\": not a calendar date");
    CHECK(to_string(error_message("just a message")) == "just a message");
}

TEST_CASE("result: status carries success or a refusal", "[core][result]") {
    status fine = ok;
    status refused = error_message("no");
    CHECK(fine.ok());
    CHECK_FALSE(refused.ok());
    CHECK(refused.error().message == "no");
}
