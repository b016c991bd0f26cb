package dev.kept.render.view;

/**
 * How often the remedy was given in one period (H4, H6, H9), for the list under "What you get if
 * we break it".
 *
 * @param period the period as written ("2026-03"); {@code when} in words ("March 2026")
 * @param denominator "398 of 404 customers"
 * @param figure the share given, as displayed; empty when nothing was owed (H9)
 * @param low the likely range's low end, or empty when nothing was owed
 * @param high the likely range's high end, or empty when nothing was owed
 * @param sentence the period's remedy sentence in full
 */
public record RemedyRow(
    String period, String when, String denominator, String figure, String low, String high, String sentence) {}
