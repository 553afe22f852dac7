package io.reconcile.resource.service;

import io.reconcile.host.ScriptAction;
import io.reconcile.host.Touches;
import java.time.Duration;

/** An action on one service: it alters that service only; init scripts get two minutes. */
interface ServiceAction extends ScriptAction {
  String service();

  @Override
  default Duration timeout() {
    return Duration.ofMinutes(2);
  }

  @Override
  default Touches touches() {
    return new Touches.Service(service());
  }
}
