/** Authorization: ACL rules in Mosquitto's file format with Petrel's additions, intersected with token scopes. */
@NullMarked
package io.petrel.security.acl;

import org.jspecify.annotations.NullMarked;
