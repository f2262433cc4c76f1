/**
 * The REST API under {@code /api/v1}: a table of routes, each declaring its access, parameters, body and
 * answer, served on the HTTP server and described by the OpenAPI document made from the same table.
 */
@NullMarked
package io.petrel.server.rest;

import org.jspecify.annotations.NullMarked;
