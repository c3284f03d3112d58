package dev.funnelstream.transform;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One finished transform run: the UTC days it rebuilt (none when nothing new was loaded), the rows
 * it wrote, and the load time it covered up to.
 */
public record TransformRun(long runId, int daysRebuilt, LocalDate firstDay, LocalDate lastDay, long rowsWritten,
                           OffsetDateTime loadedUpTo) {
}
