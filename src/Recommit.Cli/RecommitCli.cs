using System.CommandLine;
using System.CommandLine.Help;
using Recommit.Cli.Commands;
using Recommit.Cli.Internals;

namespace Recommit.Cli;

/// <summary>Composes the <c>recommit</c> command line. Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure.</summary>
internal static class RecommitCli
{
    /// <summary>
    /// The root command. It is a plain command named <c>recommit</c> with the help and version options, rather than a
    /// <see cref="RootCommand"/>, which would take its name from the assembly (<c>Recommit.Cli</c>) for the help text.
    /// </summary>
    public static Command BuildRoot()
    {
        var root = new Command("recommit", "recommit: should you reopen your Claude spend commitment before renewal? Imports usage, " +
            "measures the gap to the commitment, reforecasts with honest uncertainty and prices the cost of doing nothing.");
        root.Options.Add(new HelpOption { Action = new SubcommandHelpAction() });
        root.Options.Add(new VersionOption());
        root.Options.Add(CliContext.VerboseOption);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(ScenariosCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(PriceCommand.Create());
        root.Subcommands.Add(PricesCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(LedgerCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(QuoteCommand.Create());
        root.Subcommands.Add(AccountsCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(StoreCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; writes to the given writers so tests can capture output.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Names from input files reach both streams: control characters in them are shown escaped, never obeyed.
        stdout = Terminal.Guard(stdout);
        stderr = Terminal.Guard(stderr);
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"recommit: {CliContext.RedactSecrets(error.Message)}");
            stderr.WriteLine("Run 'recommit --help' for usage.");
            return ExitCodes.BadInput;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return CliContext.Guard(parse, stderr, () => parse.Invoke(config));
    }
}
