#pragma once
/// @file
/// carepath ssda903 module (umbrella header): reading, writing, mapping and validating the
/// SSDA903 children-looked-after return.
///
/// To keep a file that includes it cheap to compile (issue 14), the umbrella leaves out
/// validation; include it yourself:
/// - `carepath/ssda903/validate.hpp`: the DfE rule catalogue, the rules and the engine
///   (`catalogue.hpp`, `rule.hpp`, `rules.hpp` come with it);
/// - `carepath/ssda903/years.hpp`: several years' returns merged into one.
#include "carepath/core.hpp"

// Reading, writing, mapping and indicators.
#include "carepath/ssda903/codes.hpp"
#include "carepath/ssda903/csv.hpp"
#include "carepath/ssda903/fields.hpp"
#include "carepath/ssda903/indicators.hpp"
#include "carepath/ssda903/mapping.hpp"
#include "carepath/ssda903/reader.hpp"
#include "carepath/ssda903/table.hpp"
#include "carepath/ssda903/writer.hpp"
#include "carepath/ssda903/xml.hpp"

// Beside the return: a council's relationship records, and sharing a return more safely.
#include "carepath/ssda903/deidentify.hpp"
#include "carepath/ssda903/join_relationships.hpp"
#include "carepath/ssda903/keyed_hash.hpp"
#include "carepath/ssda903/relationships_csv.hpp"
