package dev.funnelstream.pipeline;

import dev.funnelstream.cli.UserException;
import dev.funnelstream.read.InputFileException;
import dev.funnelstream.read.InputFiles;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the month segments of an input: files named by the {@code YYYY-Mon} convention, in date order. */
public final class Segments {
    private Segments() {
    }

    public static List<Segment> of(List<Path> inputs) throws InputFileException {
        List<Segment> out = new ArrayList<>();
        for (Path file : InputFiles.resolve(inputs)) {
            Optional<YearMonth> month = InputFiles.month(file);
            if (month.isEmpty()) {
                throw new UserException(file + ": the pipeline replays one month per run and needs files "
                        + "named like 2019-Oct.csv.gz");
            }
            if (out.stream().anyMatch(s -> s.month().equals(month.get()))) {
                throw new UserException(file + ": a second file for " + month.get());
            }
            out.add(new Segment(month.get(), file));
        }
        out.sort((a, b) -> a.month().compareTo(b.month()));
        return out;
    }
}
