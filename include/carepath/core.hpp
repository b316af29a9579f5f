#pragma once
/// @file
/// carepath core: ids, dates, intervals, people, relationships, legal orders, placements,
/// permanence options and care histories. Standard library only.
#include "carepath/core/care_event.hpp"
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/interval.hpp"
#include "carepath/core/legal_order.hpp"
#include "carepath/core/permanence.hpp"
#include "carepath/core/person.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/core/result.hpp"
