#pragma once
/// @file
/// carepath graph module (umbrella header): the temporal relationship graph and what is
/// computed on it. Boost.Graph is used here and nowhere else.
///
/// To keep a file that includes it cheap to compile (issue 14), the umbrella leaves out the
/// parts that read or write files or need heavy libraries; include them yourself:
/// - `carepath/graph/graphviz.hpp`: DOT pictures of a network (Boost's Graphviz writer);
/// - `carepath/graph/reachability.hpp`: time-respecting reachability (range-v3);
/// - `carepath/graph/cohort_csv.hpp`, `carepath/graph/cohort_write.hpp`: cohort folders of
///   CSV files, read and written;
/// - `carepath/graph/continuity_contract.hpp`: the continuity benchmark's measures.
#include "carepath/core.hpp"
#include "carepath/graph/continuity.hpp"
#include "carepath/graph/fragile_links.hpp"
#include "carepath/graph/lifelong.hpp"
#include "carepath/graph/relationship_graph.hpp"
#include "carepath/graph/siblings.hpp"
