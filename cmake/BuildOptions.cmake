# One interface target carries the warnings and the Qt hygiene defines for every target of the
# project (the pattern of qBittorrent's CommonConfig.cmake). Link it PRIVATE everywhere.
add_library(vc_build_options INTERFACE)
add_library(vc::build_options ALIAS vc_build_options)

target_compile_options(vc_build_options INTERFACE
    -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough -Wno-missing-field-initializers
    $<$<BOOL:${VC_WERROR}>:-Werror>
    # GCC 12 reports std::variant members (our Result<T>) as "maybe uninitialized" at -O2: a
    # known false positive (GCC bug 105937 and friends); clang and valgrind check the real thing.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)

target_compile_definitions(vc_build_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    OPENSSL_API_COMPAT=30000
    OPENSSL_NO_DEPRECATED)

# Sanitizers (scripts/test.sh --sanitize, docs/SECURITY.md): AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer on every target of the project; undefined behaviour aborts like a
# memory error instead of printing and going on. Qt and the other system libraries stay
# uninstrumented: ASan still sees their heap through its malloc.
option(VC_SANITIZE "Build with -fsanitize=address,undefined (slow; for the sanitizer suite)" OFF)
# libFuzzer targets in tests/fuzz (scripts/fuzz.sh). Needs clang: the libraries get coverage
# instrumentation (fuzzer-no-link) and the sanitizers, the fuzz_* executables the fuzzer's main.
option(VC_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)
if(VC_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "VC_FUZZ needs clang with libFuzzer (clang-14 and libclang-rt-14-dev on "
                        "Debian): configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()
set(VC_SANITIZER_FLAGS)
if(VC_FUZZ)
    set(VC_SANITIZER_FLAGS -fsanitize=fuzzer-no-link,address,undefined)
elseif(VC_SANITIZE)
    set(VC_SANITIZER_FLAGS -fsanitize=address,undefined)
endif()
if(VC_SANITIZER_FLAGS)
    list(APPEND VC_SANITIZER_FLAGS -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(vc_build_options INTERFACE ${VC_SANITIZER_FLAGS})
    target_link_options(vc_build_options INTERFACE ${VC_SANITIZER_FLAGS})
    # GCC's flow-based warnings see the sanitizers' checks as paths of their own and report
    # impossible sizes in libstdc++ (e.g. -Wrestrict in std::string::replace): GCC's manual warns
    # against -Werror with sanitizers. The plain build keeps these warnings on and errors.
    set(VC_GCC_NOISY -Wno-restrict -Wno-stringop-overflow -Wno-stringop-overread -Wno-array-bounds
                     -Wno-alloc-size-larger-than)
    target_compile_options(vc_build_options INTERFACE
                           "$<$<CXX_COMPILER_ID:GNU>:${VC_GCC_NOISY}>")
endif()
# verifyd's allocator (docs/PERFORMANCE.md): a durable start allocates a few hundred small blocks
# across the HTTP, dispatch and writer threads; tcmalloc's per-thread caches serve them with
# about 9 % less CPU per start than glibc's arenas. Linked by file name, so only the runtime
# package (libtcmalloc-minimal4) is needed. Never with the sanitizers, which bring their own.
option(VC_TCMALLOC "Link verifyd with tcmalloc-minimal when it is installed" ON)
set(VC_ALLOCATOR_LIBRARY)
if(VC_TCMALLOC AND NOT VC_SANITIZER_FLAGS)
    find_library(VC_TCMALLOC_LIBRARY NAMES tcmalloc_minimal libtcmalloc_minimal.so.4)
    if(VC_TCMALLOC_LIBRARY)
        # Nothing calls into it by name: keep it even where the linker drops unused libraries.
        set(VC_ALLOCATOR_LIBRARY "-Wl,--push-state,--no-as-needed" ${VC_TCMALLOC_LIBRARY}
                                 "-Wl,--pop-state")
    else()
        message(WARNING "libtcmalloc-minimal4 not found: verifyd uses glibc's malloc (slower; "
                        "apt-get install libtcmalloc-minimal4, or -DVC_TCMALLOC=OFF to silence)")
    endif()
endif()
if(VC_FUZZ)
    # Q_ASSERT stays on in fuzz builds (Qt defines QT_NO_DEBUG outside Debug): the fuzzer then
    # checks our invariants and Qt's inline bounds checks too.
    target_compile_options(vc_build_options INTERFACE -UQT_NO_DEBUG)
endif()

# The environment of every test under the sanitizers (tests/CMakeLists.txt, tests/fuzz): any
# report fails the test, with a stack trace. tests/sanitizers/*.supp hold the documented
# suppressions, for third-party code only. Programs that a test starts (verifyd, verifyctl, the
# helpers) inherit it.
set(VC_SANITIZER_ENV)
if(VC_SANITIZER_FLAGS)
    set(VC_SUPPRESSIONS ${PROJECT_SOURCE_DIR}/tests/sanitizers)
    string(JOIN ":" VC_ASAN_OPTIONS detect_leaks=1 halt_on_error=1 check_initialization_order=1
           strict_init_order=1)
    string(JOIN ":" VC_LSAN_OPTIONS suppressions=${VC_SUPPRESSIONS}/lsan.supp
           print_suppressions=0)
    string(JOIN ":" VC_UBSAN_OPTIONS halt_on_error=1 print_stacktrace=1
           suppressions=${VC_SUPPRESSIONS}/ubsan.supp)
    set(VC_SANITIZER_ENV "ASAN_OPTIONS=${VC_ASAN_OPTIONS}" "LSAN_OPTIONS=${VC_LSAN_OPTIONS}"
                         "UBSAN_OPTIONS=${VC_UBSAN_OPTIONS}")
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
