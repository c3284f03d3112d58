package dev.funnelstream.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void directoryGivesDatedFilesByMonthThenOthersByName() throws Exception {
        touch("2020-Jan.csv", "2019-Nov.csv.gz", "2019-oct.csv", "other.csv", "another.CSV", "notes.txt");
        Files.createDirectory(dir.resolve("2018-Dec.csv"));

        List<Path> files = InputFiles.resolve(List.of(dir));

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("2019-oct.csv", "2019-Nov.csv.gz", "2020-Jan.csv", "another.CSV", "other.csv");
    }

    @Test
    void whatADirectoryHoldsBesidesItsCsvFilesIsNamedNotSilentlyLeftOut() throws Exception {
        touch("2019-Oct.csv", "notes.txt");
        Files.createDirectory(dir.resolve("sub"));
        Logger logger = (Logger) LoggerFactory.getLogger(InputFiles.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            InputFiles.resolve(List.of(dir));
        } finally {
            logger.detachAppender(logs);
        }

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(dir + ": 2 left out, not .csv or .csv.gz files: notes.txt, sub/");
    }

    @Test
    void listedFilesKeepTheGivenOrderAndDuplicatesAppearOnce() throws Exception {
        touch("2020-Jan.csv", "2019-Oct.csv");
        Path jan = dir.resolve("2020-Jan.csv");
        Path oct = dir.resolve("2019-Oct.csv");
        Path janAgain = dir.resolve("sub/../2020-Jan.csv");
        Files.createDirectory(dir.resolve("sub"));

        List<Path> files = InputFiles.resolve(List.of(jan, oct, janAgain, dir));

        assertThat(files).containsExactly(jan, oct);
    }

    @Test
    void missingInputIsAnError() {
        Path missing = dir.resolve("gone.csv");

        assertThatThrownBy(() -> InputFiles.resolve(List.of(missing)))
                .isInstanceOf(InputFileException.class)
                .hasMessage("input not found: " + missing);
    }

    @Test
    void directoryWithoutCsvFilesIsAnError() throws Exception {
        touch("notes.txt");

        assertThatThrownBy(() -> InputFiles.resolve(List.of(dir)))
                .isInstanceOf(InputFileException.class)
                .hasMessage("no .csv or .csv.gz files in " + dir);
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(dir.resolve(name), "x\n");
        }
    }
}
