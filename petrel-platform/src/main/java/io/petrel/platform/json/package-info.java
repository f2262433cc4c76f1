/**
 * JSON as devices send it, read with Jackson's streaming parser into a small tree that keeps every number's
 * literal text: the device API types {@code 42.0} and {@code 4.2E1} differently, which a tree of parsed
 * numbers cannot tell apart.
 */
@NullMarked
package io.petrel.platform.json;

import org.jspecify.annotations.NullMarked;
