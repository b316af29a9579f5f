// The carepath program: parses the command line and hands over to a subcommand. Each
// subcommand is a file beside this one that registers itself (command.hpp).
#include "command.hpp"

#include <cstdio>
#include <exception>
#include <iostream>

#include <unistd.h>

#ifndef CAREPATH_VERSION
#define CAREPATH_VERSION "unknown"
#endif

int main(int argc, char** argv) {
    // Messages go out in blocks, not one write() per piece of a line (std::cerr's default): a
    // return with 60,000 problems spent two seconds printing them. A line at a time on a
    // terminal; the progress bar flushes itself.
    static char messages[1 << 16];
    std::setvbuf(stderr, messages, isatty(STDERR_FILENO) ? _IOLBF : _IOFBF, sizeof messages);
    std::cerr.unsetf(std::ios::unitbuf);
    CLI::App app{"carepath: children's care journeys, permanence and relationship continuity"};
    app.set_version_flag("--version", std::string{"carepath "} + CAREPATH_VERSION);
    app.require_subcommand(1);
    for (const auto& add : carepath::cli::registry()) add(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        std::cerr << "carepath: " << e.what() << '\n';
        return 2;
    }
    return carepath::cli::exit_code();
}
