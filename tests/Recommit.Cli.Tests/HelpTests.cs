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
        foreach (var verb in new[] { "demo", "analyze", "import", "forecast", "price", "ledger" })
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
    public void Version_prints_the_version()
    {
        var run = CliRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
    }
}
