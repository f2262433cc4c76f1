/** Users and passwords in Mosquitto's {@code mosquitto_passwd} file format. */
@NullMarked
package io.petrel.security.password;

import org.jspecify.annotations.NullMarked;
