package dev.funnelstream.generate;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * One monthly file written by {@link ShopFileWriter}.
 *
 * @param month the month its rows belong to
 * @param path  where it was written, e.g. {@code out/2019-Oct.csv.gz}
 * @param rows  data rows in it, header not counted
 */
public record MonthFile(YearMonth month, Path path, long rows) {
}
