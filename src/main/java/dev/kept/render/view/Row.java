package dev.kept.render.view;

import java.util.List;

/**
 * One period in a promise's table: every figure with its denominator, or the declared gap and its
 * reason (H4, H11, H12).
 *
 * @param anchor the row's id, so it can be linked to ("p-2026-03")
 * @param period the period as written ("2026-03"); {@code when} in words ("March 2026")
 * @param label the verdict in words
 * @param excludedShare the share of all cases excluded, or empty when none were
 * @param stressed the rate if excluded cases counted as not kept, or empty
 * @param flagged whether the exclusions are flagged (H12)
 * @param provisional whether the period had not ended when published (H13)
 * @param margin the margin in the promise's unit ("We missed it by 4 calls: 9,500 of 10,000 would
 *     have met 95%."), or empty when the period has none (a gap, no cases, too few to tell, a 100%
 *     target kept in full)
 * @param explained whether the organisation has given an account of the period's miss (H22)
 * @param account the id of the newest such account on the page, to link to ({@code
 *     account-2026-04-written-2026-05-12}); empty when there is none
 * @param unexplained whether the period is a clear miss with no account yet: "Not yet explained" (H22)
 */
public record Row(
    String anchor,
    String period,
    String when,
    String kept,
    String cases,
    String denominator,
    String figure,
    String low,
    String high,
    String target,
    String label,
    String verdictClass,
    String excluded,
    String excludedDenominator,
    String excludedShare,
    String stressed,
    String stressedDenominator,
    List<Reason> byReason,
    boolean flagged,
    boolean provisional,
    boolean gap,
    String note,
    String sentence,
    String exclusionSentence,
    String margin,
    boolean explained,
    String account,
    boolean unexplained) {}
