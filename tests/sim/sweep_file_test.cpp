#include "carepath/sim/sweep_file.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace carepath::sim;

namespace {
// Scenario files come from this loader: `kin.txt` reads, anything else is missing.
carepath::result<scenario> load(const std::string& name) {
    if (name == "kin.txt") {
        std::istringstream in{"name = kinship\nkinship_support = true\n"};
        return read_scenario(in, "kin.txt");
    }
    if (name == "bad.txt") {
        std::istringstream in{"name = bad\nsw_turnover_factor = lots\n"};
        return read_scenario(in, "bad.txt");
    }
    return carepath::diagnostic{.file = name, .message = "cannot open the scenario file"};
}
carepath::result<sweep_spec> parse(const std::string& text) {
    std::istringstream in{text};
    return read_sweep(in, "sweep.txt", load);
}
const std::string good = "# a sweep\n"
                         "seed = 12\n"
                         "replicates = 4\n"
                         "years = 2\n"
                         "warmup_years = 1\n"
                         "scale = 0.05\n"
                         "authorities = 3\n"
                         "figures = cla_count, exits\n"
                         "scenario = kin.txt\n"
                         "vary sw_turnover_factor = 0.5 .. 1.5 / 5\n"
                         "vary siblings = current_practice, together_unless_reason\n";

// The error of `text` with `line` replaced.
carepath::diagnostic error_of(const std::string& text) {
    const auto r = parse(text);
    REQUIRE_FALSE(r.ok());
    return r.error();
}
} // namespace

TEST_CASE("sweep file: every key is read", "[sim][sweep_file]") {
    const auto s = parse(good);
    REQUIRE(s.ok());
    CHECK(s->seed == 12);
    CHECK(s->replicates == 4);
    CHECK(s->years == 2);
    CHECK(s->warmup_years == 1);
    CHECK(s->scale == 0.05);
    CHECK(s->authorities == 3);
    CHECK(s->figures == std::vector{figure_key::cla_count, figure_key::exits});
    REQUIRE(s->scenarios.size() == 1);
    CHECK(s->scenarios[0].name == "kinship");
    REQUIRE(s->parameters.size() == 2);
    CHECK(s->parameters[0].steps == 5);
    CHECK(s->parameters[0].line == 10);
    CHECK(s->parameters[1].values.size() == 2);
    CHECK(expand_sweep(*s)->size() == 10);
}

TEST_CASE("sweep file: a Latin hypercube takes ranges without / N and samples",
          "[sim][sweep_file]") {
    const auto s = parse("figures = cla_count\ndesign = latin_hypercube\nsamples = 6\n"
                         "vary carer_recruitment_factor = 1 .. 3\n");
    REQUIRE(s.ok());
    CHECK(s->design == sweep_design::latin_hypercube);
    CHECK(expand_sweep(*s)->size() == 6);
}

TEST_CASE("sweep file: errors name the file, line, column, key and value", "[sim][sweep_file]") {
    auto d = error_of("figures = cla_count\nreplicates = many\n");
    CHECK(d.file == "sweep.txt");
    CHECK(d.line == 2);
    CHECK(d.column == 14);
    CHECK(d.field == "replicates");
    CHECK(d.value == "many");

    d = error_of("figures = cla_count\n  colour = blue\n");
    CHECK(d.line == 2);
    CHECK(d.column == 3);
    CHECK(d.message.starts_with("unknown sweep key"));

    d = error_of("seed = 1\nseed = 2\n");
    CHECK(d.line == 2);
    CHECK(d.message.find("first on line 1") != std::string::npos);

    d = error_of("figures = cla_count, happiness\n");
    CHECK(d.field == "figures");
    CHECK(d.message.find("happiness") != std::string::npos);

    d = error_of("figures = cla_count\nvary sw_turnover_factor = 0.5 .. 20 / 3\n");
    CHECK(d.line == 2);
    CHECK(d.field == "vary sw_turnover_factor");
    CHECK(d.message.find("between 0 and 10") != std::string::npos);

    d = error_of("figures = cla_count\nvary siblings = 0 .. 1 / 2\n");
    CHECK(d.message.find("numeric key") != std::string::npos);

    d = error_of("figures = cla_count\nvary siblings = current_practice, always\n");
    CHECK(d.message.find("always") != std::string::npos);

    d = error_of("figures = cla_count\nvary name = a, b\n");
    CHECK(d.line == 2);

    d = error_of("figures = cla_count\nvary kinship_support = true, false, true\n");
    CHECK(d.message.find("listed twice") != std::string::npos);

    d = error_of("figures = cla_count\nvary sw_turnover_factor = 0.5 .. 1.5\n");
    CHECK(d.line == 2);
    CHECK(d.message.find("/ N") != std::string::npos);

    d = error_of("figures = cla_count\ndesign = latin_hypercube\nsamples = 3\n"
                 "vary sw_turnover_factor = 0.5 .. 1.5 / 3\n");
    CHECK(d.line == 4);
    CHECK(d.message.find("drop / N") != std::string::npos);

    d = error_of("figures = cla_count\nsamples = 3\nscenario = kin.txt\n");
    CHECK(d.line == 2);
    CHECK(d.field == "samples");

    d = error_of("figures = cla_count\ndesign = cube\n");
    CHECK(d.value == "cube");

    d = error_of("figures = cla_count\nvary x\n");
    CHECK(d.message == "expected key = value");
}

TEST_CASE("sweep file: what is missing is named", "[sim][sweep_file]") {
    auto d = error_of("scenario = kin.txt\n");
    CHECK(d.field == "figures");
    CHECK(d.file == "sweep.txt");
    d = error_of("figures = cla_count\n");
    CHECK(d.message.find("nothing to compare") != std::string::npos);
    d = error_of(
        "figures = cla_count\ndesign = latin_hypercube\nvary sw_turnover_factor = 0 .. 1\n");
    CHECK(d.field == "samples");
    d = error_of("figures = cla_count\nvary sw_turnover_factor = 0 .. 1 / 1000\n"
                 "vary carer_recruitment_factor = 0 .. 1 / 1000\n");
    CHECK(d.message.find("points") != std::string::npos);
}

TEST_CASE("sweep file: a scenario file's error names that file and the sweep's line",
          "[sim][sweep_file]") {
    auto d = error_of("figures = cla_count\n\nscenario = bad.txt\n");
    CHECK(d.file == "bad.txt");
    CHECK(d.line == 2);
    CHECK(d.field == "sw_turnover_factor");
    CHECK(d.message.find("named on line 3 of sweep.txt") != std::string::npos);
    // a file that cannot be opened has no line: the error points at the line naming it
    d = error_of("figures = cla_count\nbaseline = nowhere.txt\n");
    CHECK(d.file == "sweep.txt");
    CHECK(d.line == 2);
    CHECK(d.field == "baseline");
    CHECK(d.value == "nowhere.txt");
    CHECK(d.message == "cannot open the scenario file nowhere.txt");
    // the sweep file naming itself as a scenario (found by fuzz_sweep)
    d = error_of("figures = cla_count\nscenario = sweep.txt\n");
    CHECK(d.file == "sweep.txt");
    CHECK(d.line == 2);
}
