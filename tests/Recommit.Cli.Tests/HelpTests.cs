namespace Recommit.Cli.Tests;

public class HelpTests
{
    [Fact]
    public void Help_names_the_tool_recommit_and_lists_every_verb()
    {
        var run = CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("recommit [command] [options]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Recommit.Cli", run.Stdout, StringComparison.Ordinal);
        foreach (var verb in new[] { "demo", "analyze", "scenarios", "import", "forecast", "price", "ledger", "verify" })
            Assert.Contains($"  {verb} ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verb_help_shows_its_full_command_line()
    {
        var run = CliRun.Of("ledger", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("recommit ledger [options]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_anthropic_help_shows_the_command_as_typed_without_the_file_arguments_of_import()
    {
        var run = CliRun.Of("import", "anthropic", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("recommit import anthropic [options]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<files>", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Arguments:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--usage-source", run.Stdout, StringComparison.Ordinal);

        var import = CliRun.Of("import", "--help");
        Assert.Contains("recommit import <files>...", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("anthropic", import.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var run = CliRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
    }
}
