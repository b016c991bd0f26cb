/**
 * The command line: {@code kept build}, {@code kept check}, {@code kept --version}, {@code kept
 * --help}.
 *
 * <p>The public face is {@link dev.kept.cli.Main#run}, which returns an exit code instead of
 * exiting, so that tests can call it; only {@link dev.kept.cli.Main#main} exits. The codes are
 * named in {@link dev.kept.cli.ExitCode} and are part of Kept's public contract.
 */
package dev.kept.cli;
