#pragma once
/// @file
/// carepath report module (umbrella header): SVG charts, Kaplan-Meier curves, tables, the
/// self-contained HTML report of care histories, and exports for R (TraMineR, mstate).
///
/// To keep a file that includes it cheap to compile (issue 14), the umbrella leaves out the
/// parts that need the sim or graph modules; include them yourself:
/// - `carepath/report/simulation.hpp`: the report of a simulation run (sim and graph);
/// - `carepath/report/relationships.hpp`: the relationships section (graph);
/// - `carepath/report/model_evidence.hpp`: the model's evidence (sim);
/// - `carepath/report/forecast.hpp`, `carepath/report/sweep.hpp`: forecast and sweep
///   pages (sim);
/// - `carepath/report/graphviz.hpp`: DOT pictures of a network (Boost's Graphviz writer).
#include "carepath/core.hpp"
#include "carepath/report/care_report.hpp"
#include "carepath/report/difference_chart.hpp"
#include "carepath/report/export.hpp"
#include "carepath/report/html.hpp"
#include "carepath/report/survival.hpp"
#include "carepath/report/svg.hpp"
#include "carepath/report/table.hpp"
