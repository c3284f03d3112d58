package dev.funnelstream.read;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file (or network) operation failed, in words for a one-line message ("permission denied",
 * "not a directory", "connection refused").
 */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * The reason, without the path: java.nio's exceptions often carry nothing but the path as their
     * message (the OS error is their type), which made messages like "cannot write to /x: /x".
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason();
            return reason == null || reason.isBlank() ? byType(fs) : lowerFirst(oneLine(reason));
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return byType(e);
        }
        // java.io says "PATH (REASON)".
        if (e instanceof FileNotFoundException && message.endsWith(")") && message.contains(" (")) {
            return lowerFirst(message.substring(message.lastIndexOf(" (") + 2, message.length() - 1));
        }
        return oneLine(message);
    }

    private static String byType(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof NotDirectoryException) {
            return "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        } else if (e instanceof ConnectException) {
            return "connection refused";
        } else if (e instanceof HttpTimeoutException) {
            return "timed out";
        } else if (e.getClass() == FileSystemException.class) {
            return "file system error";
        } else if (e.getClass() == IOException.class) {
            return "I/O error";
        }
        return words(e.getClass().getSimpleName());
    }

    /** {@code FileSystemLoopException} -> "file system loop". */
    private static String words(String className) {
        String name = className.endsWith("Exception") ? className.substring(0, className.length() - "Exception".length()) : className;
        return name.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    // "Read-only file system" reads as part of a sentence; an acronym ("EOF") keeps its case.
    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').strip();
    }
}
