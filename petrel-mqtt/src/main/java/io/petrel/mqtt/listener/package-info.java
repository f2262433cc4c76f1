/** Listeners: each binds one address and builds its channel pipeline in one place. */
@NullMarked
package io.petrel.mqtt.listener;

import org.jspecify.annotations.NullMarked;
