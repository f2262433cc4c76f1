/**
 * Org tokens: signed, expiring JWTs (ES256, through nimbus-jose-jwt) that carry an organization, the topic
 * filters a client may publish and subscribe to, an expiry and an id by which the token can be revoked.
 */
@NullMarked
package io.petrel.security.token;

import org.jspecify.annotations.NullMarked;
