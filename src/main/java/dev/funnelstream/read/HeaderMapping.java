package dev.funnelstream.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where each of a file's header columns goes in {@link Columns} order; checks the header names all nine. */
final class HeaderMapping {

    private static final int MAX_SHOWN = 300;

    private final int[] columnOfField;
    private final boolean identity;

    private HeaderMapping(int[] columnOfField) {
        this.columnOfField = columnOfField;
        boolean same = true;
        for (int i = 0; i < columnOfField.length; i++) {
            same &= columnOfField[i] == i;
        }
        this.identity = same;
    }

    /**
     * Maps a header row, trimmed names compared case-insensitively.
     *
     * @throws InputFileException naming the source and every missing, unknown or repeated column
     */
    static HeaderMapping of(String source, String[] names) throws InputFileException {
        int[] columnOfField = new int[names.length];
        boolean[] seen = new boolean[Columns.COUNT];
        List<String> problems = new ArrayList<>();
        int known = 0;
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i].trim().toLowerCase(Locale.ROOT);
            int column = Columns.NAMES.indexOf(name);
            columnOfField[i] = column;
            if (column < 0) {
                problems.add("has unknown column '" + oneLine(name) + "'");
            } else if (seen[column]) {
                problems.add("repeats column '" + name + "'");
            } else {
                seen[column] = true;
                known++;
            }
        }
        String found = shown(names);
        if (known == 0) {
            // Nothing matches: most likely a file without a header whose first line is data.
            throw new InputFileException(source + ": no REES46 header (first line: " + found + ")");
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < Columns.COUNT; c++) {
            if (!seen[c]) {
                missing.add("is missing column '" + Columns.NAMES.get(c) + "'");
            }
        }
        problems.addAll(0, missing);
        if (!problems.isEmpty()) {
            throw new InputFileException(
                    source + ": header " + String.join("; ", problems) + " (found: " + found + ")");
        }
        return new HeaderMapping(columnOfField);
    }

    /** Puts a nine-field row in {@link Columns} order; the array may be reordered in place or replaced. */
    String[] toColumns(String[] fileOrder) {
        if (identity) {
            return fileOrder;
        }
        String[] columns = new String[Columns.COUNT];
        for (int i = 0; i < fileOrder.length; i++) {
            columns[columnOfField[i]] = fileOrder[i];
        }
        return columns;
    }

    private static String shown(String[] names) {
        String joined = String.join(",", Arrays.stream(names).map(n -> n == null ? "" : n).toList());
        String line = oneLine(joined);
        return line.length() > MAX_SHOWN ? line.substring(0, MAX_SHOWN) + "..." : line;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
