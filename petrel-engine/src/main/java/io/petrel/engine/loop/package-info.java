/** Event loops as the engine sees them: executors that run one session's work on one thread. */
@NullMarked
package io.petrel.engine.loop;

import org.jspecify.annotations.NullMarked;
