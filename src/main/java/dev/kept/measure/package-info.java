/**
 * Stage 3, measure: judges every period and headline of every promise, in exact arithmetic.
 *
 * <p>The public face is {@link dev.kept.measure.Measurer} (the whole charter), {@link
 * dev.kept.measure.Judge} (one figure against one target: H2, H7, H8, H9, H12) and {@link
 * dev.kept.measure.Wilson} (the H6 interval). No floating-point number decides anything here:
 * comparisons are on integers and {@link java.math.BigDecimal}s. Everything is non-null unless its
 * Javadoc says otherwise.
 */
package dev.kept.measure;
