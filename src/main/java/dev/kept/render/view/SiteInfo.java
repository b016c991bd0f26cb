package dev.kept.render.view;

/**
 * The charter-wide facts every page shows (H18: the period covered, when it was published and when
 * the next update is due).
 *
 * @param lang the language code for {@code <html lang>}
 * @param covered the periods covered, in words ("November 2024 to October 2026")
 * @param published the publication date in words; {@code publishedIso} the same as YYYY-MM-DD
 * @param nextUpdate the next update in words, or empty
 * @param contact where to report a broken promise, or empty
 * @param nextUpdateOverdue whether the next update was due before the day of the build: every
 *     page then says prominently that it is late (H18)
 */
public record SiteInfo(
    String organisation,
    String title,
    String lang,
    String covered,
    String published,
    String publishedIso,
    String nextUpdate,
    String nextUpdateIso,
    String summary,
    String window,
    String contact,
    boolean hasRetired,
    boolean nextUpdateOverdue) {}
