#pragma once
/// @file
/// carepath ssda903 module (umbrella header): reading, writing, mapping and validating the
/// SSDA903 children-looked-after return.
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
#include "carepath/ssda903/years.hpp"

// Beside the return: a council's relationship records, and sharing a return more safely.
#include "carepath/ssda903/deidentify.hpp"
#include "carepath/ssda903/join_relationships.hpp"
#include "carepath/ssda903/keyed_hash.hpp"
#include "carepath/ssda903/relationships_csv.hpp"

// Validation: the DfE rule catalogue, the rules and the engine.
#include "carepath/ssda903/catalogue.hpp"
#include "carepath/ssda903/rule.hpp"
#include "carepath/ssda903/rules.hpp"
#include "carepath/ssda903/validate.hpp"
