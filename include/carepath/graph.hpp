#pragma once
/// @file
/// carepath graph module (umbrella header): the temporal relationship graph and what is
/// computed on it. Boost.Graph is used here and nowhere else.
#include "carepath/core.hpp"
#include "carepath/graph/cohort_csv.hpp"
#include "carepath/graph/cohort_write.hpp"
#include "carepath/graph/continuity.hpp"
#include "carepath/graph/continuity_contract.hpp"
#include "carepath/graph/fragile_links.hpp"
#include "carepath/graph/graphviz.hpp"
#include "carepath/graph/lifelong.hpp"
#include "carepath/graph/reachability.hpp"
#include "carepath/graph/relationship_graph.hpp"
#include "carepath/graph/siblings.hpp"
