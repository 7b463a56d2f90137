using System.CommandLine;
using Recommit.Storage.Scenarios;

namespace Recommit.Cli.Internals;

/// <summary>The options of the verbs that negotiate (<c>scenarios</c>, <c>quote</c>): the packages to value and the assumptions.</summary>
internal sealed class NegotiationOptions
{
    private readonly Option<string?> _scenarios = new("--scenarios") { Description = "Packages to value: {\"packages\":[...]} (see docs/negotiation.md); without it the optimiser's packages are listed" };
    private readonly Option<string?> _assumptions = new("--assumptions") { Description = "Negotiation assumptions JSON (bands, haircut, renewal, fees); every field optional, defaults labelled (see docs/negotiation.md)" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_scenarios);
        command.Options.Add(_assumptions);
    }

    /// <summary><paramref name="request"/> with the parsed scenarios and assumptions files.</summary>
    public AnalysisRequest Apply(AnalysisRequest request, ParseResult parse) =>
        request with { ScenariosPath = parse.GetValue(_scenarios), AssumptionsPath = parse.GetValue(_assumptions) };

    /// <summary>
    /// A stored account's scenarios run with the parsed files' JSON; each file is parsed here first, so a fault is named
    /// by its file and field as the file-based verbs name it.
    /// </summary>
    public ScenarioOptions Stored(Storage.Analyses.AnalysisOptions analysis, ParseResult parse) => new()
    {
        Analysis = analysis,
        Packages = CheckedText(parse.GetValue(_scenarios), "--scenarios", path => CliInputs.Scenarios(path)),
        Assumptions = CheckedText(parse.GetValue(_assumptions), "--assumptions", path => CliInputs.Assumptions(path)),
    };

    private static string? CheckedText(string? path, string option, Action<string> check)
    {
        if (path is null) return null;
        check(path);
        return CliInputs.ReadText(path, option);
    }
}
