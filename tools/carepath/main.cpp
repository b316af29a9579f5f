// The carepath program: parses the command line and hands over to a subcommand. Each
// subcommand is a file beside this one that registers itself (command.hpp).
#include "command.hpp"

#include <exception>
#include <iostream>

#ifndef CAREPATH_VERSION
#define CAREPATH_VERSION "unknown"
#endif

int main(int argc, char** argv) {
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
