/**
 * Key-values as devices send them: the typing rules of the device API (device-api.md §3) that turn a JSON
 * member into a stored LONG, DOUBLE, BOOLEAN, STRING or JSON value.
 */
@NullMarked
package io.petrel.platform.kv;

import org.jspecify.annotations.NullMarked;
