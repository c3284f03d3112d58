package dev.funnelstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code funnelstream} command line: one subcommand per job. */
@Command(name = "funnelstream", mixinStandardHelpOptions = true, version = "funnelstream 0.1.0",
        description = "Real-time e-commerce funnel analytics: REES46 files -> Kafka -> warehouse.",
        subcommands = {RunCommand.class, StatusCommand.class, GenerateCommand.class, ReportCommand.class, LiveJobCommand.class,
                PipelineCommand.class, RunsCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@code main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::usageError);
        cl.setDefaultValueProvider(new ConfigFileDefaults());
        return cl;
    }
}
