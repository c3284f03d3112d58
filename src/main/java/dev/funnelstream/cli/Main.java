package dev.funnelstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

import java.util.HashSet;
import java.util.Set;

/** The {@code funnelstream} command line: one subcommand per job. */
// INHERIT: every subcommand (and every report) gets -h/--help and -V/--version of its own.
@Command(name = "funnelstream", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, version = "funnelstream 0.1.0",
        description = "Real-time e-commerce funnel analytics: REES46 files -> Kafka -> warehouse.",
        subcommands = {RunCommand.class, StatusCommand.class, GenerateCommand.class, ReportCommand.class, LiveJobCommand.class,
                PipelineCommand.class, RunsCommand.class, ServeCommand.class,
                HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@code main} and the tests. */
    public static CommandLine commandLine() {
        return commandLine(new ConfigFileDefaults());
    }

    static CommandLine commandLine(ConfigFileDefaults defaults) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::usageError);
        cl.setDefaultValueProvider(defaults);
        // The commands' descriptions are written as lines of up to ~100 characters; at picocli's
        // default 80 they would wrap mid-sentence.
        cl.setUsageHelpWidth(120);
        cl.setExecutionStrategy(parsed -> {
            // A bad config file stops a command here, where the error handler makes it one line;
            // help still shows.
            if (!helpRequested(parsed)) {
                try {
                    defaults.check();
                } catch (UserException e) {
                    throw new CommandLine.ExecutionException(cl, e.getMessage(), e);
                }
                for (String warning : defaults.unknownKeyWarnings(optionNames(cl))) {
                    cl.getErr().println("funnelstream: " + warning);
                }
                cl.getErr().flush();
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    /** Every command's long option names without dashes: the keys a config file may set. */
    private static Set<String> optionNames(CommandLine cl) {
        Set<String> out = new HashSet<>();
        for (CommandLine.Model.OptionSpec option : cl.getCommandSpec().options()) {
            out.add(option.longestName().replaceFirst("^-+", ""));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            out.addAll(optionNames(sub));
        }
        return out;
    }

    private static boolean helpRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested() || p.commandSpec().helpCommand()) {
                return true;
            }
        }
        return false;
    }
}
