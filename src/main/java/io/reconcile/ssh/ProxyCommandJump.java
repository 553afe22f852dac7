package io.reconcile.ssh;

import java.util.List;
import java.util.Optional;

/**
 * The one ProxyCommand that reconcile follows: {@code ssh [-q] [-l USER] [-p PORT] -W %h:%p [USER@]HOST},
 * the classic bastion before ProxyJump, which means exactly {@code ProxyJump [USER@]HOST[:PORT]}.
 */
public final class ProxyCommandJump {
  public static final String EXPECTED = "'ssh -W %h:%p [-q] [-l USER] [-p PORT] BASTION', or ProxyJump";

  private ProxyCommandJump() {}

  /** The ProxyJump hop of the command's words, or empty when the command is anything else. */
  public static Optional<String> hopOf(List<String> words) {
    String user = "";
    String port = "";
    String destination = null;
    boolean forwards = false;
    if (words.isEmpty() || !words.get(0).equals("ssh")) {
      return Optional.empty();
    }
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("-W") && i + 1 < words.size() && words.get(i + 1).equals("%h:%p")) {
        forwards = true;
        i++;
      } else if (word.equals("-l") && i + 1 < words.size()) {
        user = words.get(++i) + "@";
      } else if (word.equals("-p") && i + 1 < words.size()) {
        port = ":" + words.get(++i);
      } else if (!word.equals("-q")) {
        if (word.startsWith("-") || destination != null) {
          return Optional.empty();
        }
        destination = word;
      }
    }
    if (!forwards || destination == null) {
      return Optional.empty();
    }
    return Optional.of((destination.contains("@") ? "" : user) + destination + port);
  }
}
