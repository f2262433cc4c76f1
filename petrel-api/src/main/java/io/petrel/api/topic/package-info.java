/** Topic names and topic filters: validation and matching as the MQTT specification defines them. */
@NullMarked
package io.petrel.api.topic;

import org.jspecify.annotations.NullMarked;
