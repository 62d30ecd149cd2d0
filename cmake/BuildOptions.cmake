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

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
