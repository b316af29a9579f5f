#include "carepath/sim/scenario.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace carepath::sim;

namespace {
carepath::result<scenario> parse(const std::string& text) {
    std::istringstream in{text};
    return read_scenario(in, "policy.txt");
}
} // namespace

TEST_CASE("scenario: every key is read from key = value lines", "[sim][scenario]") {
    const auto s = parse("# a comment\n"
                         "name = siblings together\n"
                         "\n"
                         "siblings = together_unless_reason\n"
                         "kinship_support = yes\n"
                         "post_order_support = yes\n"
                         "keep_last_placement_open=true\n"
                         "  staying_close_to_25 = on\n"
                         "sw_turnover_factor = 0.5\n"
                         "share_inside_home_authority = 0.7\n"
                         "carer_recruitment_factor = 1.5\n"
                         "parameter_uncertainty = true\n");
    REQUIRE(s.ok());
    CHECK(s->name == "siblings together");
    CHECK(s->siblings == sibling_policy::together_unless_reason);
    CHECK(s->kinship_support);
    CHECK(s->post_order_support);
    CHECK(s->keep_last_placement_open);
    CHECK(s->staying_close_to_25);
    CHECK(s->sw_turnover_factor == 0.5);
    CHECK(s->share_inside_home_authority == 0.7);
    CHECK(s->carer_recruitment_factor == 1.5);
    CHECK(s->parameter_uncertainty);
}

TEST_CASE("scenario: writing then reading gives the same scenario", "[sim][scenario]") {
    scenario s;
    s.name = "mixed";
    s.siblings = sibling_policy::together_unless_reason;
    s.staying_close_to_25 = true;
    s.sw_turnover_factor = 0.25;
    s.share_inside_home_authority = 0.75;
    s.parameter_uncertainty = true;
    std::ostringstream out;
    REQUIRE(write_scenario(out, s).ok());
    const auto back = parse(out.str());
    REQUIRE(back.ok());
    CHECK(*back == s);
    SECTION("support after orders is written and read back, on and off") {
        CHECK(out.str().find("post_order_support = false\n") != std::string::npos);
        s.post_order_support = true;
        std::ostringstream on;
        REQUIRE(write_scenario(on, s).ok());
        CHECK(on.str().find("post_order_support = true\n") != std::string::npos);
        const auto again = parse(on.str());
        REQUIRE(again.ok());
        CHECK(again->post_order_support);
        CHECK(*again == s);
    }
}

TEST_CASE("scenario: support after orders takes true or false and nothing else",
          "[sim][scenario]") {
    CHECK_FALSE(parse("name = x\n")->post_order_support); // off unless asked for
    CHECK(parse("post_order_support = on\n")->post_order_support);
    CHECK_FALSE(parse("post_order_support = off\n")->post_order_support);
    const auto bad = parse("name = x\npost_order_support = maybe\n");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().file == "policy.txt");
    CHECK(bad.error().line == 2);
    CHECK(bad.error().field == "post_order_support");
    CHECK(bad.error().value == "maybe");
    CHECK(bad.error().message == "expected true or false");
    CHECK_FALSE(parse("post_order_support = true\npost_order_support = true\n").ok());
}

TEST_CASE("scenario: numbers survive writing and reading to the last bit", "[sim][scenario]") {
    // Found by the scenario fuzzer: six significant digits turned 0.123456789 into 0.123457.
    scenario s;
    s.sw_turnover_factor = 0.123456789;
    s.carer_recruitment_factor = 1.0 / 3.0;
    s.share_inside_home_authority = 0.1 + 0.2; // not 0.3 in binary
    std::ostringstream out;
    REQUIRE(write_scenario(out, s).ok());
    const auto back = parse(out.str());
    REQUIRE(back.ok());
    CHECK(back->sw_turnover_factor == s.sw_turnover_factor);
    CHECK(back->carer_recruitment_factor == s.carer_recruitment_factor);
    CHECK(back->share_inside_home_authority == s.share_inside_home_authority);
}

// Issue 15 audit: a scenario built in code could be written so that it read back as another
// scenario (a name with a line break set a second key; blanks at the ends were trimmed away).
TEST_CASE("scenario: a scenario the file cannot hold is refused, not written changed",
          "[sim][scenario]") {
    scenario s;
    s.name = "mine\nsw_turnover_factor = 5";
    std::ostringstream out;
    const auto r = write_scenario(out, s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "name");
    CHECK(out.str().empty());
    s.name = " padded";
    CHECK_FALSE(write_scenario(out, s).ok());
    s.name = "ok";
    s.sw_turnover_factor = -1;
    const auto factor = write_scenario(out, s);
    REQUIRE_FALSE(factor.ok());
    CHECK(factor.error().field == "sw_turnover_factor");
    CHECK(factor.error().value == "-1");
    CHECK(out.str().empty());
}

TEST_CASE("scenario: errors name the file, line, column, key and value", "[sim][scenario]") {
    SECTION("an unknown key points at the key") {
        const auto r = parse("name = x\n  sibling = together\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().file == "policy.txt");
        CHECK(r.error().line == 2);
        CHECK(r.error().column == 3);
        CHECK(r.error().field == "sibling");
        CHECK(r.error().message.find("unknown scenario key") != std::string::npos);
    }
    SECTION("a bad value points at the value") {
        const auto r = parse("sw_turnover_factor = half\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().line == 1);
        CHECK(r.error().column == 22);
        CHECK(r.error().value == "half");
        CHECK(carepath::to_string(r.error())
              == "policy.txt:1:22: sw_turnover_factor=\"half\": expected a number");
    }
    SECTION("a share outside 0-1 is refused") {
        const auto r = parse("share_inside_home_authority = 1.2\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "must be a share between 0 and 1");
    }
    SECTION("a line without = is refused") {
        const auto r = parse("kinship_support\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "expected key = value");
    }
    SECTION("a key given twice is refused on its second line") {
        const auto r = parse("kinship_support = true\nkinship_support = false\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().line == 2);
        CHECK(r.error().message == "key given twice");
    }
    SECTION("a flag must be true or false") {
        const auto r = parse("staying_close_to_25 = maybe\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "expected true or false");
    }
}

TEST_CASE("scenario: the sibling policy table round-trips", "[sim][scenario]") {
    for (auto p : carepath::all_values<sibling_policy>())
        CHECK(carepath::from_string<sibling_policy>(carepath::to_string(p)) == p);
    CHECK(carepath::codes_are_unique<sibling_policy>());
    CHECK(carepath::table_is_dense<sibling_policy>());
}

// s15 audit 7: `name = kinship # trial` named the scenario "kinship # trial" (a comment after
// any other value is refused, as the value is then not one the key takes).
TEST_CASE("scenario: a comment after a name is refused, not read as part of the name",
          "[sim][scenario]") {
    for (const std::string line : {"name = kinship # trial", "name = kinship\t# trial",
                                   "name = # trial"}) {
        const auto r = parse("kinship_support = true\n" + line + "\n");
        INFO(line);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().file == "policy.txt");
        CHECK(r.error().line == 2);
        CHECK(r.error().column == 8);
        CHECK(r.error().field == "name");
        CHECK(r.error().value == line.substr(7));
        CHECK(r.error().message.find("comment") != std::string::npos);
    }
    // `#` inside a word is part of the name, as before
    CHECK(parse("name = plan#2\n")->name == "plan#2");
    // comments on their own line are still skipped
    CHECK(parse("# trial\nname = kinship\n")->name == "kinship");
    SECTION("a name the reader refuses is not written") {
        scenario s;
        s.name = "kinship # trial";
        std::ostringstream out;
        const auto w = write_scenario(out, s);
        REQUIRE_FALSE(w.ok());
        CHECK(w.error().field == "name");
        CHECK(out.str().empty());
    }
}

// s15 audit 7: a scenario named "baseline" was run beside the baseline: the report read
// "Difference: baseline minus baseline" and summary.json held two runs named "baseline".
TEST_CASE("scenario: a scenario to run beside the baseline cannot take the baseline's name",
          "[sim][scenario]") {
    auto beside = [](const std::string& text, std::string_view baseline = "baseline") {
        std::istringstream in{text};
        return read_alternative_scenario(in, "policy.txt", baseline);
    };
    const auto r = beside("kinship_support = true\n  name =  baseline\n");
    REQUIRE_FALSE(r.ok());
    CHECK(carepath::to_string(r.error()).starts_with("policy.txt:2:11: name=\"baseline\": "));
    CHECK(r.error().message.find("baseline minus baseline") != std::string::npos);
    // any other name, or none (the default "scenario"), reads as read_scenario reads it
    CHECK(beside("name = kinship\nkinship_support = true\n")->name == "kinship");
    CHECK(beside("kinship_support = true\n")->name == "scenario");
    CHECK(*beside("name = base line\n") == *parse("name = base line\n"));
    // a baseline of another name: that name is refused, and so is a file that falls back on it
    CHECK_FALSE(beside("name = current\n", "current").ok());
    const auto unnamed = beside("kinship_support = true\n", "scenario");
    REQUIRE_FALSE(unnamed.ok());
    CHECK(unnamed.error().file == "policy.txt");
    CHECK(unnamed.error().field == "name");
    CHECK(beside("name = baseline\n", "current")->name == "baseline");
    // the default scenario, named "baseline", is still written and read back as it is
    std::ostringstream out;
    REQUIRE(write_scenario(out, scenario{}).ok());
    CHECK(parse(out.str())->name == "baseline");
}
