package dev.kept.cli;

/** Kept's exit codes: a public contract, so fixed numbers, never enum ordinals. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** The charter has errors (or, with {@code --strict}, warnings); nothing was published. */
  public static final int CHARTER_ERRORS = 1;
  /** The command line was wrong: an unknown command or option, or a missing value. */
  public static final int USAGE = 2;
  /** The output could not be written, or Kept itself failed; the previous site is unchanged. */
  public static final int FAILURE = 3;

  private ExitCode() {}
}
