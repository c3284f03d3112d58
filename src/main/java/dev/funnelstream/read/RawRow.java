package dev.funnelstream.read;

/**
 * One data row as read from an input, before validation.
 *
 * @param source     the input it came from (a file's path, or the generator's name)
 * @param row        1-based ordinal among the input's data rows (header and blank lines not counted)
 * @param line       1-based physical line where the row starts, to find it with an editor
 * @param rawLine    the row's text as read (malformed bytes replaced, long rows cut), for quarantine
 * @param fields     the fields, trimmed, empty ones as null, in {@link Columns} order when there are
 *                   nine; in file order otherwise; null when {@code readProblem} is set
 * @param readProblem set when the row could not be read as text: {@code line_too_long} or {@code bad_encoding}
 */
public record RawRow(String source, long row, long line, String rawLine, String[] fields, String readProblem) {
}
