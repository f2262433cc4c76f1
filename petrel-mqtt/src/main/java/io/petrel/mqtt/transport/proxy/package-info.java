/** Reverse proxies: the PROXY protocol and trusted X-Forwarded-For, so the real client address is seen. */
@NullMarked
package io.petrel.mqtt.transport.proxy;

import org.jspecify.annotations.NullMarked;
