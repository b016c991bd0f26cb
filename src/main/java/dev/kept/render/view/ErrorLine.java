package dev.kept.render.view;

/**
 * One line of input on the preview's error page. The offending line is split at the error's
 * column so that the character there can be marked. Control characters are shown as {@code
 * \u0009} and the like, as the command line shows them.
 *
 * @param number the line's number in its file, right-aligned with the others' (blanks before)
 * @param before the line up to the column (the whole line when it is not the offending one)
 * @param at the character at the column, or {@code ""}
 * @param after the rest of the line
 * @param marked whether this is the offending line
 * @param caret for the offending line, the line written under it: blanks under its number and
 *     text up to the column, and a {@code ^} under the column; else {@code ""}
 */
public record ErrorLine(String number, String before, String at, String after, boolean marked, String caret) {}
