#pragma once
/// @file
/// carepath report module (umbrella header): SVG charts, Kaplan-Meier curves, tables, the
/// self-contained HTML report (from care histories, SSDA903 returns and simulation runs),
/// Graphviz networks, and exports for R (TraMineR, mstate).
#include "carepath/core.hpp"
#include "carepath/report/care_report.hpp"
#include "carepath/report/difference_chart.hpp"
#include "carepath/report/export.hpp"
#include "carepath/report/forecast.hpp"
#include "carepath/report/html.hpp"
#include "carepath/report/model_evidence.hpp"
#include "carepath/report/relationships.hpp"
#include "carepath/report/simulation.hpp"
#include "carepath/report/survival.hpp"
#include "carepath/report/sweep.hpp"
#include "carepath/report/svg.hpp"
#include "carepath/report/table.hpp"
