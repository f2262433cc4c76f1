/** The REST API's resources, one file of routes each, with the schemas and views they share. */
@NullMarked
package io.petrel.server.rest.resources;

import org.jspecify.annotations.NullMarked;
