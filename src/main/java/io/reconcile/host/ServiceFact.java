package io.reconcile.host;

/** An init service: whether the host knows it, whether it runs, whether it starts at boot. */
public record ServiceFact(String name, boolean known, boolean running, boolean enabled) {}
