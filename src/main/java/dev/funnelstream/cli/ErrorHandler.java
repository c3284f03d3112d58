package dev.funnelstream.cli;

import dev.funnelstream.read.InputFileException;
import dev.funnelstream.stream.KafkaUnavailableException;
import dev.funnelstream.stream.ReplayFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns any failure into one line on stderr and an exit code; stack traces only in the debug log. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable cause = e;
        while ((cause instanceof IllegalStateException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() instanceof UserException) {
            cause = cause.getCause();
        }
        int code;
        String message;
        if (cause instanceof UserException || cause instanceof InputFileException
                || cause instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
            message = cause.getMessage();
        } else if (cause instanceof KafkaUnavailableException || cause instanceof ReplayFailedException) {
            code = ExitCodes.FAILED;
            message = cause.getMessage();
        } else {
            code = ExitCodes.FAILED;
            message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        log.debug("Command failed", e);
        cl.getErr().println("funnelstream: " + oneLine(message));
        cl.getErr().flush();
        return code;
    }

    /** Unknown flags and bad values: the message and a hint, no usage wall. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String subcommandMistake = subcommandMistake(e);
        if (subcommandMistake != null) {
            // The line lists the names to choose from: no hint needed.
            cl.getErr().println("funnelstream: " + subcommandMistake);
            cl.getErr().flush();
            return ExitCodes.USAGE;
        }
        cl.getErr().println("funnelstream: " + oneLine(e.getMessage()) + source(e, args));
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
        cl.getErr().flush();
        return ExitCodes.USAGE;
    }

    /**
     * For a bad value the user did not type (it came from the environment or the config file): where
     * it came from, e.g. {@code " (from FUNNELSTREAM_FORMAT)"}; else empty.
     */
    private static String source(CommandLine.ParameterException e, String[] args) {
        if (!(e.getArgSpec() instanceof CommandLine.Model.OptionSpec option)
                || !(e.getCommandLine().getDefaultValueProvider() instanceof ConfigFileDefaults defaults)) {
            return "";
        }
        for (String arg : args) {
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return ""; // typed as a flag
                }
            }
        }
        String from = defaults.sourceOf(option);
        return from == null ? "" : " (from " + from + ")";
    }

    /**
     * A subcommand name that is wrong ({@code report bogus}) or missing ({@code report}), said with the
     * real names; null for any other mistake. Picocli says only "Unmatched argument at index 1".
     */
    private static String subcommandMistake(CommandLine.ParameterException e) {
        CommandLine cl = e.getCommandLine();
        if (cl.getSubcommands().isEmpty()) {
            return null;
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            // A command with subcommands takes no positional arguments: the first word left is the name.
            String first = unmatched.getUnmatched().get(0);
            if (first.startsWith("-")) {
                // report --data-dir X: the options belong to a report, whose name is missing. At the
                // top (funnelstream --bogus) it is an unknown option, said as picocli says it.
                return cl.getParent() == null ? null : SubcommandNames.missingBeforeOptions(cl);
            }
            return SubcommandNames.unknown(cl, first);
        }
        if (String.valueOf(e.getMessage()).startsWith("Missing required subcommand")) {
            return SubcommandNames.missing(cl);
        }
        return null;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
