/** One class per packet concern. Each returns a decision; none writes to the channel itself. */
@NullMarked
package io.petrel.mqtt.handler;

import org.jspecify.annotations.NullMarked;
