# Run by the fuzz.scan_parser test when configure found no clang++: fail, loudly.
message(FATAL_ERROR "fuzz.scan_parser: clang++ was not found when the build was configured, so "
                    "the scan parser was not fuzzed. Run scripts/install-deps (it installs clang "
                    "and libclang-rt-14-dev) and configure again.")
