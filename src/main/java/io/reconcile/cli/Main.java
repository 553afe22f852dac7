package io.reconcile.cli;

import io.reconcile.input.InvalidInputException;
import io.reconcile.report.ExitCodes;
import io.reconcile.report.MaskingOutputStream;
import io.reconcile.report.SecretMasker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/** Entry point: wires picocli to docs/contracts.md's exit codes, and masks secrets on stdout and stderr. */
public final class Main {
  /** For failures that are our bug rather than the operator's input (sysexits EX_SOFTWARE). */
  static final int INTERNAL_ERROR = 70;

  private Main() {}

  public static void main(String[] args) {
    AtomicReference<SecretMasker> masker = new AtomicReference<>(SecretMasker.byMeaning());
    MaskingOutputStream maskedOut = new MaskingOutputStream(System.out, masker::get);
    MaskingOutputStream maskedErr = new MaskingOutputStream(System.err, masker::get);
    PrintStream out = new PrintStream(maskedOut, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(maskedErr, true, StandardCharsets.UTF_8);
    System.setOut(out);
    System.setErr(err);
    int code = run(args, out, err, masker::set);
    out.flush();
    err.flush();
    try {
      maskedOut.close(); // lets a last line without a newline through (masked)
      maskedErr.close();
    } catch (IOException e) {
      // stdout or stderr gone: nothing left to tell
    }
    System.exit(code);
  }

  static int run(String[] args, PrintStream out, PrintStream err, java.util.function.Consumer<SecretMasker> maskerSink) {
    try (SignalInterruption signals = new SignalInterruption(err)) {
      int code = execute(args, out, err, maskerSink, signals);
      out.flush();
      err.flush();
      signals.finished(code);
      return code;
    }
  }

  private static int execute(String[] args, PrintStream out, PrintStream err, java.util.function.Consumer<SecretMasker> maskerSink,
      SignalInterruption signals) {
    CommandLine cli = new CommandLine(new ReconcileCommand(maskerSink, signals.cancellation()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((e, arguments) -> {
      err.println("reconcile: " + e.getMessage());
      err.println("Try 'reconcile --help' for usage.");
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof InvalidInputException invalid) {
        err.println("reconcile: invalid input: " + invalid.describe());
        return ExitCodes.INVALID_INPUT;
      }
      if (e instanceof CommandLine.ParameterException usage) {
        err.println("reconcile: " + usage.getMessage());
        return ExitCodes.USAGE;
      }
      err.println("reconcile: internal error: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    });
    return cli.execute(planArguments(args));
  }

  /** {@code reconcile apply FILE [flags]} is {@code reconcile --plan FILE [flags]}. */
  static String[] planArguments(String[] args) {
    if (args.length >= 2 && args[0].equals("apply")) {
      String[] rewritten = args.clone();
      rewritten[0] = "--plan";
      return rewritten;
    }
    return args;
  }
}
