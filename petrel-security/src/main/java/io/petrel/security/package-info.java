/**
 * Petrel's security: who may connect (anonymous access, password files, org tokens, X.509 identities and a
 * slot for device credentials), what each client may do (ACL rules and token scopes) and how much (connection
 * limits, connect and publish rates). Everything plugs into the broker through petrel-api interfaces.
 */
@NullMarked
package io.petrel.security;

import org.jspecify.annotations.NullMarked;
