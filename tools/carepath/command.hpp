#pragma once
// Subcommands register themselves here, so each lives in its own file and main.cpp never
// changes when one is added. (A static registry is fine in the program; never in include/.)
#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace carepath::cli {

/// Adds one subcommand to the app. The callback it installs returns the exit code through
/// `exit_code()`.
using command_factory = std::function<void(CLI::App&)>;

inline std::vector<command_factory>& registry() {
    static std::vector<command_factory> commands;
    return commands;
}
/// The exit code a subcommand sets (0 ok, 1 findings, 2 unusable input).
inline int& exit_code() {
    static int code = 0;
    return code;
}

/// `static const registrar r{[](CLI::App& app) { ... }};` in a subcommand's file.
struct registrar {
    explicit registrar(command_factory f) { registry().push_back(std::move(f)); }
};

} // namespace carepath::cli
