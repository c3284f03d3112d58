package dev.funnelstream.cli;

import dev.funnelstream.generate.GeneratorSettings;
import dev.funnelstream.generate.MonthFile;
import dev.funnelstream.generate.ShopFileWriter;
import dev.funnelstream.generate.ShopFiles;
import dev.funnelstream.read.IoErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code generate}: writes synthetic REES46-format monthly files ({@code 2019-Oct.csv.gz} ...). */
@Command(name = "generate", description = "Write synthetic REES46-format monthly .csv.gz files.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--events", required = true, paramLabel = "N", description = "Events in all (repeats included).")
    long events;

    @Option(names = "--months", defaultValue = "2019-10..2020-04", paramLabel = "FROM[..TO]",
            description = "Months to cover. Default: ${DEFAULT-VALUE}")
    String months;

    @Option(names = "--seed", defaultValue = "42", description = "Same seed, same bytes. Default: ${DEFAULT-VALUE}")
    long seed;

    @Override
    public Integer call() {
        if (out.toString().isBlank()) {
            // An empty --out (or FUNNELSTREAM_OUT=) would write into the current directory.
            throw new UserException("--out must name a directory");
        }
        GeneratorSettings settings;
        try {
            settings = GeneratorSettings.of(events, months, seed);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        long started = System.nanoTime();
        ShopFiles files;
        try {
            files = new ShopFileWriter(out).write(settings);
        } catch (IOException e) {
            throw new UserException(cannotWrite(e) + ": " + IoErrors.reason(e));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        for (MonthFile f : files.files()) {
            w.printf("%s  %,d %s%n", f.path(), f.rows(), f.rows() == 1 ? "row" : "rows");
        }
        w.printf("%,d events in %.1f s%n", files.rows(), seconds);
        w.flush();
        return ExitCodes.OK;
    }

    /**
     * The file that could not be written, when it is one in the dir (a directory in a month file's
     * place; for the final rename of a written file, its target), else the dir.
     */
    private String cannotWrite(IOException e) {
        if (e instanceof FileSystemException f) {
            String file = f.getOtherFile() != null ? f.getOtherFile() : f.getFile();
            if (file != null && !Path.of(file).equals(out) && Path.of(file).startsWith(out)) {
                return "cannot write " + file;
            }
        }
        return "cannot write to " + out;
    }
}
