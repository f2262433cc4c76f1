package io.petrel.engine.session;

/**
 * A routed message on its way to its session's owner loop: one task per delivery, which follows the session
 * if it moved to another loop meanwhile.
 */
record Arrival(Arrivals arrivals, Delivery delivery, long sequence, long messageId) implements Runnable {
    @Override
    public void run() {
        arrivals.arrived(this);
    }
}
