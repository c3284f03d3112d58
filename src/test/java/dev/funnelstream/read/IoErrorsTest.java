package dev.funnelstream.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The reason an IOException gives, never just its path. */
class IoErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void theOsReasonWhenThereIsOne() {
        assertThat(IoErrors.reason(new FileSystemException("/x", null, "Read-only file system")))
                .isEqualTo("read-only file system");
        assertThat(IoErrors.reason(new FileSystemException("/x/y", null, "Not a directory"))).isEqualTo("not a directory");
    }

    @Test
    void theTypeInWordsWhenTheMessageIsOnlyThePath() {
        assertThat(IoErrors.reason(new FileAlreadyExistsException("/tmp/x"))).isEqualTo("a file is in the way");
        assertThat(IoErrors.reason(new AccessDeniedException("/root/x"))).isEqualTo("permission denied");
        assertThat(IoErrors.reason(new NoSuchFileException("/nope"))).isEqualTo("no such file or directory");
        assertThat(IoErrors.reason(new FileSystemException("/x"))).isEqualTo("file system error");
        assertThat(IoErrors.reason(new FileSystemLoopException("/x"))).isEqualTo("file system loop");
    }

    @Test
    void aNetworkFailureWithoutAMessageInWords() {
        // The HTTP client's refused connection carries no message at all.
        assertThat(IoErrors.reason(new ConnectException())).isEqualTo("connection refused");
        assertThat(IoErrors.reason(new HttpTimeoutException(""))).isEqualTo("timed out");
        assertThat(IoErrors.reason(new ConnectException("Connection refused: /127.0.0.1:1")))
                .isEqualTo("Connection refused: /127.0.0.1:1");
    }

    @Test
    void javaIoGivesTheReasonInParentheses() {
        assertThat(IoErrors.reason(new FileNotFoundException("/root/x (Permission denied)"))).isEqualTo("permission denied");
        assertThat(IoErrors.reason(new FileNotFoundException("x.csv"))).isEqualTo("x.csv");
    }

    @Test
    void anyOtherMessageAsItIsOnOneLine() {
        assertThat(IoErrors.reason(new ZipException("Not in GZIP format"))).isEqualTo("Not in GZIP format");
        assertThat(IoErrors.reason(new IOException("first\nsecond"))).isEqualTo("first second");
        assertThat(IoErrors.reason(new IOException())).isEqualTo("I/O error");
    }

    @Test
    void realFailuresOfFilesNameTheirReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        IOException inTheWay = catchThrowableOfType(IOException.class, () -> Files.createDirectories(file));
        IOException underAFile = catchThrowableOfType(IOException.class, () -> Files.createDirectories(file.resolve("d")));
        IOException missing = catchThrowableOfType(IOException.class, () -> Files.readString(tmp.resolve("nope")));

        assertThat(IoErrors.reason(inTheWay)).isEqualTo("a file is in the way");
        assertThat(IoErrors.reason(underAFile)).isEqualTo("not a directory");
        assertThat(IoErrors.reason(missing)).isEqualTo("no such file or directory");
    }
}
