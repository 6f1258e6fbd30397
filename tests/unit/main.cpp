// SPDX-License-Identifier: Apache-2.0
// Catch2's main, in its own file so the test files compile quickly.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
