/**
 * Who calls the REST API: admins, who log in with a password from the configuration or the password file and
 * get a session token (or send HTTP basic credentials each time), and programs with API keys.
 */
@NullMarked
package io.petrel.server.rest.auth;

import org.jspecify.annotations.NullMarked;
