// The Catch2 test runner for every *_test.cpp below this folder.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
