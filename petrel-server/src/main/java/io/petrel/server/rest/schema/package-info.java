/**
 * The shapes of the REST API's bodies and parameters. One description serves twice: requests are checked
 * against it, and the OpenAPI document is written from it, so the document cannot drift from what the server
 * accepts.
 */
@NullMarked
package io.petrel.server.rest.schema;

import org.jspecify.annotations.NullMarked;
