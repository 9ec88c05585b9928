// Division of 128-bit integers rounded a stated way: the exact arithmetic
// behind every projected or interpolated count, where 64-bit products of a
// count and a number of days could overflow.
#pragma once

namespace ontrack {

__extension__ typedef __int128 int128;  // -Wpedantic: a GNU extension, on purpose

// Floor and ceiling of a / b for b > 0, toward −infinity and +infinity.
inline int128 floor_div(int128 a, int128 b) {
    const int128 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}
inline int128 ceil_div(int128 a, int128 b) {
    const int128 q = a / b;
    return (a % b != 0 && a > 0) ? q + 1 : q;
}

}  // namespace ontrack
