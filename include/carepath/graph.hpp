#pragma once
/// @file
/// carepath graph module (umbrella header).
#include "carepath/core.hpp"
