# Makefile: the two commands of the README quick start, and a few conveniences.
#   make demo  - install deps, build, run Corroborate on the example corpus
#   make test  - install deps, build (release and ASan+UBSan), run every test
#   make install [PREFIX=/usr/local] [DESTDIR=] - bin/corroborate, libcorroborate.so.0 and .a,
#                include/corroborate.h, lib/pkgconfig/corroborate.pc, share/man/man1/corroborate.1,
#                the Python package lib/python3/dist-packages/corroborate (bindings/python)
#   make uninstall - removes what the last install wrote ($(BUILD)/install_manifest.txt)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
ASAN_BUILD ?= build-asan
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all deps build asan demo test test-release test-asan fuzz clean model install uninstall

all: build

deps:
	@bash scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCB_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

demo: build
	@bash scripts/demo $(BUILD)/corroborate

test-release: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: asan
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

test: test-release test-asan

# ldconfig: a new libcorroborate.so.0 in /usr/local/lib is found by programs at once
install: build
	@DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi

uninstall:
	@DESTDIR="$(DESTDIR)" cmake -DMANIFEST=$(BUILD)/install_manifest.txt -P cmake/uninstall.cmake
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi

# Retrains the syntax model (data/syntax/en_ewt.model) from UD English EWT in ../shared.
UD_EWT ?= ../shared/data/ud/en_ewt
model: build
	@cmake --build $(BUILD) --target cb-train-syntax
	@nice $(BUILD)/cb-train-syntax --train $(UD_EWT)/en_ewt-ud-train.conllu \
	  --dev $(UD_EWT)/en_ewt-ud-dev.conllu -o data/syntax/en_ewt.model
	@cmake -S . -B $(BUILD) >/dev/null && cmake --build $(BUILD) -j $(JOBS)

fuzz: deps
	@bash fuzz/run-all

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
