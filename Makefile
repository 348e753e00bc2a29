# atalaya: a plain GNU Makefile (see ../shared/docs/style.md, section 8).
#
#   make            build build/debug/atalaya (-O2 -g, warnings are errors)
#   make demo       install deps, build, scan the bundled samples into out/demo
#   make check      install deps, run all tests twice (normal, ASan+UBSan)
#   make bench      throughput and memory on generated corpora (not a test)
#   make fuzz       fuzz each target for FUZZ_SECONDS (needs clang)
#   VARIANT=asan    build into build/asan with AddressSanitizer + UBSan

VARIANT ?= debug
BUILD   := build/$(VARIANT)
CC      ?= cc

PKGS    := libutf8proc libhs libxxhash libzstd zlib yajl libzip libcrypto sqlite3 tesseract lept
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wvla -Wformat=2 -Wno-format-nonliteral
CSTD    := -std=c17 -D_GNU_SOURCE
CFLAGS_debug := -O2 -g
CFLAGS_release := -O2 -g -DNDEBUG
CFLAGS_asan  := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
                -fno-sanitize-recover=all
LDFLAGS_asan := -fsanitize=address,undefined
CFLAGS  ?=
ALL_CFLAGS := $(CSTD) $(WARN) $(CFLAGS_$(VARIANT)) $(CFLAGS) -Isrc -Iinclude \
              $(PKG_CFLAGS) -MMD -MP -pthread
ALL_LDFLAGS := $(LDFLAGS_$(VARIANT)) $(LDFLAGS) -pthread
LIBS    := $(PKG_LIBS) -lstdc++ -lm

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
LIB_ASM  := $(sort $(shell find src -name '*.S'))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(LIB_ASM:%.S=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzz/%)

LIBATL   := $(BUILD)/libatalaya.a
BIN      := $(BUILD)/atalaya
TESTBIN  := $(BUILD)/run-tests

.PHONY: all deps demo check test fuzz-replay-bins fuzz-bins fuzz bench clean
all: $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# Assembly embeds data files (.incbin of models/default.model).
$(BUILD)/%.o: %.S models/default.model
	@mkdir -p $(dir $@)
	$(CC) -c $< -o $@

# The tactic pattern databases are compiled at build time (compiling takes
# seconds of CPU, a minute under ASan): tools/hsdb_gen, always built with
# the release flags into build/hsdb, serialises them into
# build/hsdb/tactics.hsdb, which src/detect/tactics_hsdb.S embeds; the
# library checks the table hash and falls back to compiling (tactics.h).
HSDB     := build/hsdb/tactics.hsdb
HSDB_GEN := build/hsdb/hsdb_gen
HSDB_OBJ := build/hsdb/tools/hsdb_gen.o build/hsdb/src/detect/tactics.o \
            build/hsdb/src/core/err.o
build/hsdb/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(CFLAGS_release) -Isrc -Iinclude $(PKG_CFLAGS) -MMD -MP -c $< -o $@
$(HSDB_GEN): $(HSDB_OBJ)
	$(CC) -o $@ $(HSDB_OBJ) $(LIBS)
$(HSDB): $(HSDB_GEN)
	$(HSDB_GEN) $@.tmp && mv $@.tmp $@
$(BUILD)/src/detect/tactics_hsdb.o build/fuzzlib/src/detect/tactics_hsdb.o: $(HSDB)

$(LIBATL): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIBATL)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIBATL) $(LIBS)

$(TESTBIN): $(TEST_OBJ) $(LIBATL)
	$(CC) $(ALL_LDFLAGS) -o $@ $(TEST_OBJ) $(LIBATL) $(LIBS)

# Fuzz targets: with gcc they link fuzz/replay.c, a plain main() that feeds
# fuzz/corpus/<name>/* to the target; `make fuzz` builds them with libFuzzer.
$(BUILD)/fuzz/%: fuzz/%.c fuzz/replay.c $(LIBATL)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< fuzz/replay.c $(LIBATL) $(LIBS)

deps:
	@sh scripts/install-deps.sh

demo: deps
	$(MAKE) --no-print-directory $(BIN)
	sh scripts/demo.sh $(BIN)

# The whole suite, normal build then ASan+UBSan; the last line is the total.
check: deps
	@sh scripts/check.sh

test: $(TESTBIN)
	$(TESTBIN)

fuzz-replay-bins: $(FUZZ_BIN)

# libFuzzer builds (clang), into build/fuzz; scripts/check.sh runs them briefly.
FUZZ_CFLAGS := -std=c17 -D_GNU_SOURCE -g -O1 -Isrc -Iinclude $(PKG_CFLAGS) -pthread \
               -fsanitize=fuzzer,address,undefined
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=build/fuzzlib/%.o) $(LIB_ASM:%.S=build/fuzzlib/%.o)
build/fuzzlib/%.o: %.S models/default.model
	@mkdir -p $(dir $@)
	clang -c $< -o $@
build/fuzzlib/%.o: %.c
	@mkdir -p $(dir $@)
	clang -std=c17 -D_GNU_SOURCE -g -O1 -Isrc -Iinclude $(PKG_CFLAGS) -pthread \
		-fsanitize=fuzzer-no-link,address,undefined -MMD -MP -c $< -o $@
build/fuzz/%: fuzz/%.c $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_LIB_OBJ) $(LIBS)
fuzz-bins: $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)

FUZZ_SECONDS ?= 30
fuzz: fuzz-bins
	@for b in build/fuzz/fuzz_*; do n=$$(basename $$b); \
	  mkdir -p fuzz/corpus/$${n#fuzz_}; \
	  $$b -max_total_time=$(FUZZ_SECONDS) -max_len=65536 fuzz/corpus/$${n#fuzz_} || exit 1; done

bench: deps
	$(MAKE) --no-print-directory VARIANT=release build/release/atalaya
	sh bench/bench.sh build/release/atalaya


clean:
	rm -rf build out

-include $(HSDB_OBJ:.o=.d) $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
