// Box (util/box.h): the intersection the frame and turned-text checks share.

#include <catch2/catch.hpp>

#include "suppcheck/util/box.h"

using suppcheck::Box;

TEST_CASE("two boxes intersect in the part both cover, and not at all when apart", "[util][box]") {
  const Box band{10, 20, 100, 30};
  CHECK(band.Intersected({50, 0, 200, 40}).x == 50);
  CHECK(band.Intersected({50, 0, 200, 40}).y == 20);
  CHECK(band.Intersected({50, 0, 200, 40}).w == 60);
  CHECK(band.Intersected({50, 0, 200, 40}).h == 20);
  // A box inside the other is itself.
  const Box inside = band.Intersected({30, 25, 10, 5});
  CHECK((inside.x == 30 && inside.y == 25 && inside.w == 10 && inside.h == 5));
  // Apart, side by side, or touching at an edge: empty.
  CHECK(band.Intersected({200, 20, 10, 10}).empty());
  CHECK(band.Intersected({10, 50, 10, 10}).empty());
  CHECK(band.Intersected({110, 20, 5, 5}).empty());
  CHECK(Box{}.Intersected(band).empty());
}
