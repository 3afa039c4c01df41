// libFuzzer's entry point for every harness (Scripts/fuzz.sh compiles it with the toolchain's
// clang). It hands the input to the Swift harness one byte at a time, as plain values, so the Swift
// side never holds a pointer: the harness collects the bytes into an array, then runs on it.
#include <stddef.h>
#include <stdint.h>

void eichrecht_fuzz_begin(intptr_t size);
void eichrecht_fuzz_append(uint8_t byte);
int eichrecht_fuzz_run(void);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    eichrecht_fuzz_begin((intptr_t)size);
    for (size_t i = 0; i < size; i++) {
        eichrecht_fuzz_append(data[i]);
    }
    return eichrecht_fuzz_run();
}
