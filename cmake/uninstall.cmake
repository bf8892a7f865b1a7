# uninstall.cmake: removes exactly the files an install wrote, as listed in MANIFEST (the
# build's install_manifest.txt; its paths are without DESTDIR, so give the DESTDIR of the
# install in the environment). Directories are left in place: they may hold other files.
# Usage: DESTDIR=... cmake -DMANIFEST=build/install_manifest.txt -P cmake/uninstall.cmake
if(NOT EXISTS "${MANIFEST}")
  message(FATAL_ERROR "uninstall: ${MANIFEST} not found: nothing was installed from this build")
endif()
file(STRINGS "${MANIFEST}" files)
foreach(f ${files})
  set(f "$ENV{DESTDIR}${f}")
  if(IS_SYMLINK "${f}" OR EXISTS "${f}")
    message(STATUS "Removing ${f}")
    file(REMOVE "${f}")
    if(IS_SYMLINK "${f}" OR EXISTS "${f}")
      message(FATAL_ERROR "uninstall: cannot remove ${f}")
    endif()
  else()
    message(STATUS "Not there: ${f}")
  endif()
endforeach()
