package io.reconcile.resource.file;

import io.reconcile.host.ScriptAction;
import io.reconcile.host.Touches;
import java.time.Duration;

/** An action on one file: it alters that path only, and a minute is ample for it. */
interface FileAction extends ScriptAction {
  String path();

  @Override
  default Duration timeout() {
    return Duration.ofMinutes(1);
  }

  @Override
  default Touches touches() {
    return new Touches.File(path());
  }
}
