#pragma once
/// @file
/// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), written from the specifications, for
/// replacing ids with keyed hashes when a return is shared (deidentify.hpp). A keyed hash, not
/// a plain one: CHILD ids are short numbers, so anyone could hash every number and read the
/// ids back; without the key they cannot. Not constant-time and not meant for passwords.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace carepath::ssda903 {

/// A SHA-256 digest: 32 bytes.
using sha256_digest = std::array<std::uint8_t, 32>;

namespace detail {
// FIPS 180-4 section 4.2.2: the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes.
// clang-format off
inline constexpr std::array<std::uint32_t, 64> sha256_k{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
// clang-format on

constexpr std::uint32_t rotr(std::uint32_t x, int n) noexcept {
    return (x >> n) | (x << (32 - n));
}

/// SHA-256 fed in pieces: `update` any number of times, then `finish` once.
class sha256_state {
public:
    void update(std::string_view data) noexcept {
        for (const char c : data) {
            block_[fill_++] = static_cast<std::uint8_t>(c);
            if (fill_ == 64) {
                compress();
                fill_ = 0;
            }
        }
        bytes_ += data.size();
    }
    sha256_digest finish() noexcept {
        // Section 5.1.1: a 1 bit, zeros to 56 bytes mod 64, then the length in bits, big-endian.
        const std::uint64_t bits = static_cast<std::uint64_t>(bytes_) * 8;
        block_[fill_++] = 0x80;
        if (fill_ > 56) {
            while (fill_ < 64)
                block_[fill_++] = 0;
            compress();
            fill_ = 0;
        }
        while (fill_ < 56)
            block_[fill_++] = 0;
        for (int i = 7; i >= 0; --i)
            block_[fill_++] = static_cast<std::uint8_t>(bits >> (8 * i));
        compress();
        sha256_digest out{};
        for (std::size_t i = 0; i < 8; ++i)
            for (std::size_t b = 0; b < 4; ++b)
                out[4 * i + b] = static_cast<std::uint8_t>(h_[i] >> (24 - 8 * b));
        return out;
    }

private:
    // Section 6.2.2, one 512-bit block.
    void compress() noexcept {
        std::array<std::uint32_t, 64> w{};
        for (std::size_t t = 0; t < 16; ++t)
            w[t] = (std::uint32_t{block_[4 * t]} << 24) | (std::uint32_t{block_[4 * t + 1]} << 16)
                   | (std::uint32_t{block_[4 * t + 2]} << 8) | std::uint32_t{block_[4 * t + 3]};
        for (std::size_t t = 16; t < 64; ++t) {
            const auto s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
            const auto s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        auto [a, b, c, d, e, f, g, h] = h_;
        for (std::size_t t = 0; t < 64; ++t) {
            const auto big_s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
            const auto ch = (e & f) ^ (~e & g);
            const auto t1 = h + big_s1 + ch + sha256_k[t] + w[t];
            const auto big_s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
            const auto maj = (a & b) ^ (a & c) ^ (b & c);
            const auto t2 = big_s0 + maj;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        const std::array<std::uint32_t, 8> add{a, b, c, d, e, f, g, h};
        for (std::size_t i = 0; i < 8; ++i)
            h_[i] += add[i];
    }

    // Section 5.3.3: the initial hash value.
    std::array<std::uint32_t, 8> h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<std::uint8_t, 64> block_{};
    std::size_t fill_ = 0;
    std::size_t bytes_ = 0;
};
} // namespace detail

/// SHA-256 of `data` (FIPS 180-4).
[[nodiscard]] inline sha256_digest sha256(std::string_view data) noexcept {
    detail::sha256_state s;
    s.update(data);
    return s.finish();
}

/// HMAC-SHA-256 of `message` under `key` (RFC 2104, block size 64 bytes): a key longer than
/// a block is hashed first, a shorter one padded with zeros.
[[nodiscard]] inline sha256_digest hmac_sha256(std::string_view key,
                                               std::string_view message) noexcept {
    std::array<char, 64> block{};
    if (key.size() > block.size()) {
        const auto k = sha256(key);
        for (std::size_t i = 0; i < k.size(); ++i)
            block[i] = static_cast<char>(k[i]);
    } else {
        for (std::size_t i = 0; i < key.size(); ++i)
            block[i] = key[i];
    }
    std::array<char, 64> inner{}, outer{};
    for (std::size_t i = 0; i < block.size(); ++i) {
        inner[i] = static_cast<char>(block[i] ^ 0x36);
        outer[i] = static_cast<char>(block[i] ^ 0x5c);
    }
    detail::sha256_state in;
    in.update({inner.data(), inner.size()});
    in.update(message);
    const auto inner_digest = in.finish();
    detail::sha256_state out;
    out.update({outer.data(), outer.size()});
    out.update({reinterpret_cast<const char*>(inner_digest.data()), inner_digest.size()});
    return out.finish();
}

/// The first `digits` hex digits (lower case) of `digest`; at most 64.
[[nodiscard]] inline std::string to_hex(const sha256_digest& digest, std::size_t digits = 64) {
    constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < digits && i < 64; ++i) {
        const auto byte = digest[i / 2];
        out.push_back(hex[i % 2 == 0 ? byte >> 4 : byte & 0x0f]);
    }
    return out;
}

} // namespace carepath::ssda903
