/** TLS: server contexts from PEM or PKCS#12, reloaded when their files change, and the client certificate identity. */
@NullMarked
package io.petrel.mqtt.transport.tls;

import org.jspecify.annotations.NullMarked;
