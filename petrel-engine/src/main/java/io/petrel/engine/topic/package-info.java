/** The subscription index: a topic tree that matches a topic name against every subscription's filter. */
@NullMarked
package io.petrel.engine.topic;

import org.jspecify.annotations.NullMarked;
