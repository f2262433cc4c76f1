/**
 * Where the broker keeps the state that must survive a restart: sessions with their subscriptions, queued
 * and in-flight messages, retained messages and pending wills. The engine writes through {@link
 * io.petrel.api.store.BrokerStore}; storage engines implement it. Everything here is a plain record: no MQTT
 * packets, no buffers.
 */
@NullMarked
package io.petrel.api.store;

import org.jspecify.annotations.NullMarked;
