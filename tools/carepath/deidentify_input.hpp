#pragma once
// `--deidentify --key FILE | --key-env VAR`: replace a loaded return by its deidentified copy
// (ssda903/deidentify.hpp, docs/deidentify.md) before anything is written from it. (Program
// code: it prints to the terminal.)
#include "return_input.hpp"

#include <carepath/ssda903/deidentify.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

namespace carepath::cli {

/// What `--deidentify` asked for.
struct deidentify_request {
    bool on = false;      ///< --deidentify given
    std::string key_file; ///< --key FILE
    std::string key_env;  ///< --key-env VAR
};

/// The key the request names: the file's bytes less one line ending at the end (so `echo`
/// and an editor give the same key as `printf`), or the variable's value. Prints why and gives
/// nullopt when there is none.
inline std::optional<std::string> read_key(const deidentify_request& req, const std::string& who) {
    std::string key;
    if (!req.key_file.empty()) {
        if (!ssda903::detail::read_file_text(req.key_file, key)) {
            std::cerr << "carepath " << who << ": cannot read the key file " << req.key_file
                      << '\n';
            return std::nullopt;
        }
        if (key.ends_with('\n'))
            key.pop_back();
        if (key.ends_with('\r'))
            key.pop_back();
    } else if (!req.key_env.empty()) {
        const char* v = std::getenv(req.key_env.c_str());
        if (!v || !*v) {
            std::cerr << "carepath " << who << ": the environment variable " << req.key_env
                      << " holding the key is not set\n";
            return std::nullopt;
        }
        key = v;
    } else {
        std::cerr << "carepath " << who
                  << ": --deidentify needs a key: --key FILE or --key-env VAR (keep it: the same "
                     "key gives the same ids in later years)\n";
        return std::nullopt;
    }
    if (key.size() < ssda903::min_key_bytes) {
        std::cerr << "carepath " << who << ": " << ssda903::detail::key_problem({.key = key})
                  << '\n';
        return std::nullopt;
    }
    return key;
}

/// When the request is on, replaces `loaded`'s return by its deidentified copy and maps it
/// again, so every output is made from the copy. False, with the reason printed, on failure.
inline bool deidentify_loaded(loaded_return& loaded, const deidentify_request& req,
                              const std::string& who) {
    if (!req.on)
        return true;
    const auto key = read_key(req, who);
    if (!key)
        return false;
    auto out = ssda903::deidentify(loaded.data, {.key = *key});
    if (!out) {
        std::cerr << "carepath " << who << ": cannot deidentify: " << out.error() << '\n';
        return false;
    }
    loaded.data = std::move(out).value();
    loaded.mapped = ssda903::map_return(loaded.data);
    return true;
}

} // namespace carepath::cli
