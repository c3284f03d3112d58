package dev.funnelstream.cli;

import dev.funnelstream.read.IoErrors;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Option defaults from a properties file, between the built-in defaults and the environment:
 * {@code $FUNNELSTREAM_CONFIG}, else {@code ./funnelstream.properties} if present. Keys are option
 * names without dashes, e.g. {@code kafka=broker:9092} or {@code port=9090}; a flag still wins.
 */
final class ConfigFileDefaults implements CommandLine.IDefaultValueProvider {
    private final Properties props = new Properties();
    /** The file read, or null when there is none. */
    private Path file;
    /** What is wrong with the config file, or null; reported by {@link #check()}. */
    private final String problem;

    /** The file {@code FUNNELSTREAM_CONFIG} names, else {@code ./funnelstream.properties}. */
    ConfigFileDefaults() {
        this(System.getenv("FUNNELSTREAM_CONFIG"));
    }

    /**
     * Reads {@code configured} (null: {@code ./funnelstream.properties} if present). A problem is kept,
     * not thrown: this runs before picocli's error handling, where an exception is a stack trace.
     */
    ConfigFileDefaults(String configured) {
        problem = load(configured);
    }

    private String load(String configured) {
        if (configured != null && configured.isBlank()) {
            return "FUNNELSTREAM_CONFIG is empty: name a properties file, or unset it";
        }
        Path file = Path.of(configured != null ? configured : "funnelstream.properties");
        if (Files.isDirectory(file) && configured != null) {
            return "config file " + file + " is a directory (from FUNNELSTREAM_CONFIG)";
        }
        if (!Files.isRegularFile(file)) {
            return configured != null ? "config file not found: " + file + " (from FUNNELSTREAM_CONFIG)" : null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
            this.file = file;
            return null;
        } catch (IOException e) {
            return "cannot read config file " + file + ": " + IoErrors.reason(e);
        } catch (IllegalArgumentException e) {
            return "cannot read config file " + file + ": " + e.getMessage(); // a malformed unicode escape
        }
    }

    /**
     * A warning for each key of the file that names no option of any command (a typo such as
     * {@code datadir} would otherwise be ignored without a word); empty when there is no file.
     */
    List<String> unknownKeyWarnings(Set<String> optionNames) {
        List<String> out = new ArrayList<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            if (!optionNames.contains(key)) {
                out.add("warning: config file " + file + ": unknown key '" + key
                        + "' (keys are option names without dashes, e.g. data-dir); it is ignored");
            }
        }
        return out;
    }

    /** Throws what is wrong with the config file, if anything. */
    void check() {
        if (problem != null) {
            throw new UserException(problem);
        }
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (!(arg instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        String env = System.getenv(envName(option));
        if (env != null) {
            return env;
        }
        String fromFile = props.getProperty(key(option));
        return fromFile != null ? fromFile : arg.defaultValue();
    }

    /**
     * Where an option's value came from when it was not given as a flag: the environment variable
     * or the config file, for a message about a bad value; null for the built-in default.
     */
    String sourceOf(CommandLine.Model.OptionSpec option) {
        if (System.getenv(envName(option)) != null) {
            return envName(option);
        }
        return props.getProperty(key(option)) != null ? "config file " + file : null;
    }

    private static String key(CommandLine.Model.OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    private static String envName(CommandLine.Model.OptionSpec option) {
        return "FUNNELSTREAM_" + key(option).toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
