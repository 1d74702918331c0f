// The ancre version string, set by the build.
#pragma once

namespace ancre {

inline constexpr const char* kVersion = ANCRE_VERSION;

}  // namespace ancre
