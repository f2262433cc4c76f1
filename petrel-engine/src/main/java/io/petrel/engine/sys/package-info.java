/** The $SYS topic tree, published periodically as retained messages. */
@NullMarked
package io.petrel.engine.sys;

import org.jspecify.annotations.NullMarked;
