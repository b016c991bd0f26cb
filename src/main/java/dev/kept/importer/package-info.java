/**
 * Importers: turn data that other organisations publish into a Kept charter folder, which then goes
 * through the normal pipeline. They sit beside the pipeline, not in it: their only output is files.
 *
 * <p>The public face is {@link dev.kept.importer.GcServiceStandards}.
 */
package dev.kept.importer;
