// `carepath version`: the same text as --version, as a subcommand for scripts.
#include "command.hpp"

#include <iostream>

namespace {
const carepath::cli::registrar version_command{[](CLI::App& app) {
    auto* cmd = app.add_subcommand("version", "print the version of carepath");
    cmd->footer("Exit status: 0.");
    cmd->callback([] { std::cout << "carepath " << CAREPATH_VERSION << '\n'; });
}};
} // namespace
