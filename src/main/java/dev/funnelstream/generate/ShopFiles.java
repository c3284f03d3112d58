package dev.funnelstream.generate;

import java.util.List;

/**
 * What {@link ShopFileWriter} wrote: one file per month of the range, in month order.
 *
 * @param files the monthly files
 */
public record ShopFiles(List<MonthFile> files) {

    public ShopFiles {
        files = List.copyOf(files);
    }

    /** Data rows over all files. */
    public long rows() {
        return files.stream().mapToLong(MonthFile::rows).sum();
    }
}
