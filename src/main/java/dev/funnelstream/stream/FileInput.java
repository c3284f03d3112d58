package dev.funnelstream.stream;

import dev.funnelstream.read.CsvFileSource;
import dev.funnelstream.read.InputFileException;
import dev.funnelstream.read.RowSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A REES46 file to replay, known by its absolute path (the key of its replay progress). */
public record FileInput(Path file) implements ReplayInput {

    @Override
    public String name() {
        return file.toAbsolutePath().normalize().toString();
    }

    @Override
    public RowSource open() throws InputFileException {
        return CsvFileSource.open(file);
    }

    @Override
    public long sizeBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
