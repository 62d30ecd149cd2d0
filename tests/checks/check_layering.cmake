# Fails when the engine reaches for widgets or an HTTP server, or the engine core reaches for the
# listener: the dependency rules of docs/ARCHITECTURE.md, checked on every test run.
#   cmake -DROOT=<source dir> -P check_layering.cmake
file(GLOB_RECURSE engine_files "${ROOT}/engine/*.h" "${ROOT}/engine/*.cpp")
set(violations "")
foreach(f ${engine_files})
    file(READ "${f}" text)
    string(REGEX MATCHALL "#include *<(QtWidgets|QWidget|QMainWindow|QDialog|QApplication|QtGui|QtHttpServer|QHttpServer|QtCharts)[^>]*>" hits "${text}")
    if(hits)
        list(APPEND violations "${f}: ${hits}")
    endif()
    # Only engine/http may include the listener's headers.
    if(NOT f MATCHES "/engine/http/")
        string(REGEX MATCHALL "#include *\"http/[^\"]*\"" http_hits "${text}")
        if(http_hits)
            list(APPEND violations "${f}: ${http_hits}")
        endif()
    endif()
endforeach()
if(violations)
    string(REPLACE ";" "\n  " pretty "${violations}")
    message(FATAL_ERROR "Layering violations:\n  ${pretty}")
endif()
message(STATUS "engine/ includes no widgets, GUI or HTTP-server headers")
