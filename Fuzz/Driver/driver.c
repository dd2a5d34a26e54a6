/* The fuzzer's executable: libFuzzer brings `main` (clang -fsanitize=fuzzer), and the targets
 * come from libSolventFuzz.so, which defines LLVMFuzzerTestOneInput. This file exists only
 * because a link needs one input of its own. */
int solvent_fuzz_driver;
