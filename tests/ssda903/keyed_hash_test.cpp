#include "carepath/ssda903/keyed_hash.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace carepath::ssda903;

TEST_CASE("keyed hash: SHA-256 gives the FIPS 180-2 example digests", "[ssda903][keyed_hash]") {
    // FIPS 180-2 appendix B (one block, two blocks) and the digest of no bytes.
    CHECK(to_hex(sha256("abc"))
          == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
          == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(to_hex(sha256(""))
          == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("keyed hash: SHA-256 pads at the block edges (55, 56 and 64 bytes)",
          "[ssda903][keyed_hash]") {
    // 55 bytes leave room for the length in the same block, 56 do not, 64 fill one exactly.
    // Digests from Python's hashlib, an independent implementation.
    CHECK(to_hex(sha256(std::string(55, 'a')))
          == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(to_hex(sha256(std::string(56, 'a')))
          == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(to_hex(sha256(std::string(64, 'a')))
          == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("keyed hash: HMAC-SHA-256 gives the RFC 4231 test vectors", "[ssda903][keyed_hash]") {
    // Test cases 1, 2, 3, 4, 6 and 7 of RFC 4231 section 4 (case 5 checks truncation only).
    std::string key4;
    for (char c = 1; c <= 25; ++c)
        key4.push_back(c);
    const std::string long_key(131, '\xaa');
    CHECK(to_hex(hmac_sha256(std::string(20, '\x0b'), "Hi There"))
          == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?"))
          == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(to_hex(hmac_sha256(std::string(20, '\xaa'), std::string(50, '\xdd')))
          == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    CHECK(to_hex(hmac_sha256(key4, std::string(50, '\xcd')))
          == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    CHECK(to_hex(hmac_sha256(long_key, "Test Using Larger Than Block-Size Key - Hash Key First"))
          == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK(to_hex(hmac_sha256(long_key,
                             "This is a test using a larger than block-size key and a larger "
                             "than block-size data. The key needs to be hashed before being "
                             "used by the HMAC algorithm."))
          == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("keyed hash: to_hex keeps the first digits asked for", "[ssda903][keyed_hash]") {
    const auto d = sha256("abc");
    CHECK(to_hex(d, 10) == "ba7816bf8f");
    CHECK(to_hex(d, 3) == "ba7");
    CHECK(to_hex(d, 100).size() == 64);
}
