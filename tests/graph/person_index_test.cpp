// Person ids to numbers (graph/detail/person_index.hpp), shared by the relationship graph and
// the placement index: dense ids in a vector, the rest in a hash map, the same answers either
// way.
#include "carepath/graph/detail/person_index.hpp"

#include <catch2/catch.hpp>

#include <cstdint>

using carepath::person_id;
using carepath::graph::detail::person_index;

TEST_CASE("person_index: ids below the bound and far above it are found alike",
          "[graph][person_index]") {
    person_index index;
    CHECK(index.find(person_id{0}) == person_index::none);
    index.add(person_id{3}, 0, 100);          // dense: below the bound
    index.add(person_id{4000000000U}, 1, 100); // sparse: far above it
    index.add(person_id{0}, 2, 100);
    CHECK(index.find(person_id{3}) == 0);
    CHECK(index.find(person_id{4000000000U}) == 1);
    CHECK(index.find(person_id{0}) == 2);
    // never added: neither inside the vector (1, 2) nor beyond it (99, 5000) nor in the map
    for (const std::uint32_t id : {1U, 2U, 99U, 5000U, 3999999999U})
        CHECK(index.find(person_id{id}) == person_index::none);
}

TEST_CASE("person_index: an id inside the vector's room goes to the vector whatever the bound",
          "[graph][person_index]") {
    person_index index;
    index.add(person_id{50}, 7, 64);   // the vector grows to hold id 50
    index.add(person_id{20}, 8, 0);    // within its room though above the bound now given
    index.add(person_id{900}, 9, 0);   // beyond it: the map
    CHECK(index.find(person_id{50}) == 7);
    CHECK(index.find(person_id{20}) == 8);
    CHECK(index.find(person_id{900}) == 9);
    CHECK(index.find(person_id{21}) == person_index::none);
}
