/**
 * Stage 2, validate: turns the loaded trees into the typed {@link dev.kept.model.Charter}, or into
 * a complete list of what is wrong with them.
 *
 * <p>The public face is {@link dev.kept.validate.CharterValidator}. It checks every key (unknown
 * keys are errors, with a "did you mean" hint), every value's type, the honesty rules' conditions on
 * the data (H1, H11, H12, H15, H16, H18), references between files, and Markdown safety (raw HTML
 * and script-capable links are errors). It collects every problem before it returns. Everything is
 * non-null unless its Javadoc says otherwise.
 */
package dev.kept.validate;
