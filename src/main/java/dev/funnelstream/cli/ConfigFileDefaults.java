package dev.funnelstream.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Option defaults from a properties file, between the built-in defaults and the environment:
 * {@code $FUNNELSTREAM_CONFIG}, else {@code ./funnelstream.properties} if present. Keys are option
 * names without dashes, e.g. {@code kafka=broker:9092} or {@code port=9090}; a flag still wins.
 */
final class ConfigFileDefaults implements CommandLine.IDefaultValueProvider {
    private final Properties props = new Properties();

    ConfigFileDefaults() {
        String configured = System.getenv("FUNNELSTREAM_CONFIG");
        Path file = configured != null ? Path.of(configured) : Path.of("funnelstream.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UserException("cannot read config file " + file + ": " + e.getMessage());
            }
        } else if (configured != null) {
            throw new UserException("config file not found: " + file + " (from FUNNELSTREAM_CONFIG)");
        }
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (!(arg instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        String key = option.longestName().replaceFirst("^-+", "");
        String env = System.getenv("FUNNELSTREAM_" + key.toUpperCase().replace('-', '_'));
        if (env != null) {
            return env;
        }
        String fromFile = props.getProperty(key);
        return fromFile != null ? fromFile : arg.defaultValue();
    }
}
