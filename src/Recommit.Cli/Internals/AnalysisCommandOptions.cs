using System.CommandLine;
using System.Globalization;

namespace Recommit.Cli.Internals;

/// <summary>
/// The options every verb that runs an analysis takes (<c>scenarios</c>, <c>quote</c>): the usage or spend files,
/// contract, levers, prices, as-of date, paths, seed, gap threshold, future path and strictness; and the request they make.
/// With stored accounts, also <c>--account NAME [--store S] [--contract-version N]</c> in place of the usage and contract files.
/// </summary>
internal sealed class AnalysisCommandOptions
{
    private readonly Option<string[]> _usage = new("--usage") { Description = "Usage file(s) in any supported format (detected from the content; see 'recommit import --help'); several files merge", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _format = new("--format") { Description = "Force the usage files' format instead of detecting it" };
    private readonly Option<string?> _spend = new("--spend") { Description = "Monthly spend CSV (month,model,list_usd) when only spend is known" };
    private readonly Option<string> _contract;
    private readonly Option<string?> _levers = new("--levers") { Description = "Levers JSON file: routing, caching, batch (see docs/levers.md)" };
    private readonly Option<string?> _prices = new("--prices") { Description = "A price-book JSON file laid over the built-in one" };
    private readonly Option<string?> _asOf = new("--as-of") { Description = "Analysis date yyyy-MM-dd (default: the day after the last usage day)" };
    private readonly Option<int> _paths = new("--paths") { Description = $"Simulated paths ({OptionChecks.MinPaths:N0}..{OptionChecks.MaxPaths:N0})", DefaultValueFactory = _ => 10_000 };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Random seed; the same seed gives the same figures", DefaultValueFactory = _ => 1UL };
    private readonly Option<string?> _threshold = new("--threshold") { Description = "Gap threshold τ: a fraction between 0 and 1 (0.10) or a percentage (10%); default 0.10" };
    private readonly Option<string?> _future = new("--future") { Description = "Replace the forecast with one given path: spend CSV of list dollars per month from the as-of month" };
    private readonly Option<bool> _strict = CliInputs.StrictOption();
    private readonly Option<string?>? _account;
    private readonly Option<string?>? _store;
    private readonly Option<int?>? _contractVersion;

    /// <summary>The options; with <paramref name="storedAccounts"/> the contract may instead come from a stored account (--account).</summary>
    public AnalysisCommandOptions(bool storedAccounts = false)
    {
        _contract = storedAccounts
            ? new("--contract") { Description = "Contract JSON file (see docs/contracts.md); required unless --account names a stored account" }
            : new("--contract") { Description = "Contract JSON file (see docs/contracts.md)", Required = true };
        if (!storedAccounts) return;
        _account = CliStore.AccountOption("Run on this stored account (its stored usage and latest contract) and store the run, as the API does");
        _store = CliStore.Option();
        _contractVersion = new("--contract-version") { Description = "With --account: the stored contract version to use (default: the latest; see 'recommit accounts show')" };
    }

    /// <summary>The stored account named by <c>--account</c>, or null when the inputs are files.</summary>
    public string? Account(ParseResult parse) => _account is null ? null : parse.GetValue(_account);

    public string? ContractPath(ParseResult parse) => parse.GetValue(_contract);

    public string? Store(ParseResult parse) => _store is null ? null : parse.GetValue(_store);

    /// <summary>
    /// The stored-account analysis the parsed options ask for (docs/method.md §3–§6 on the stored usage); the file inputs
    /// are refused with one line, since the usage and the contract come from the store.
    /// </summary>
    public Storage.Analyses.AnalysisOptions Stored(ParseResult parse)
    {
        var files = new[] { parse.GetValue(_spend), parse.GetValue(_contract), parse.GetValue(_prices), parse.GetValue(_future), parse.GetValue(_format) };
        if (parse.GetValue(_usage) is { Length: > 0 } || files.Any(f => f is not null) || parse.GetValue(_strict))
            throw new InputException("--account: the usage and contract come from the store; leave out --usage, --spend, --contract, --prices, --format, --future and --strict");
        var version = _contractVersion is null ? null : parse.GetValue(_contractVersion);
        if (version is < 1) throw new InputException($"--contract-version: a stored contract version number from 1 (see 'recommit accounts show'), found {version}");
        return new Storage.Analyses.AnalysisOptions
        {
            Paths = Paths(parse),
            Seed = Seed(parse),
            Threshold = Threshold(parse),
            AsOf = AsOf(parse),
            Levers = LeversPath(parse) is { } leversPath ? CliInputs.ReadText(leversPath, "--levers") : null,
            ContractVersion = version,
        };
    }

    public int Paths(ParseResult parse) => OptionChecks.Paths(parse.GetValue(_paths));

    public ulong Seed(ParseResult parse) => parse.GetValue(_seed);

    public double Threshold(ParseResult parse) => OptionChecks.Threshold(parse.GetValue(_threshold));

    public DateOnly? AsOf(ParseResult parse) => ParseDay(parse.GetValue(_asOf), "--as-of");

    public string? LeversPath(ParseResult parse) => parse.GetValue(_levers);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in new Option?[] { _usage, _format, _spend, _contract, _levers, _prices, _asOf, _paths, _seed, _threshold, _future, _strict, _account, _store, _contractVersion })
            if (o is not null) command.Options.Add(o);
    }

    /// <summary>The analysis the parsed options ask for; exactly one of --usage and --spend is required.</summary>
    public AnalysisRequest Request(ParseResult parse)
    {
        var usagePaths = parse.GetValue(_usage) ?? [];
        var spendPath = parse.GetValue(_spend);
        if ((usagePaths.Length > 0) == (spendPath is not null))
            throw new InputException("give either --usage FILE... or --spend FILE (one of them, not both)");
        var files = new Import.AnalysisFiles(parse.GetValue(_contract) ?? throw new InputException("--contract: required (or --account to analyse a stored account)"))
        {
            UsagePaths = usagePaths,
            Format = parse.GetValue(_format),
            SpendPath = spendPath,
            LeversPath = parse.GetValue(_levers),
            PricesPath = parse.GetValue(_prices),
            FuturePath = parse.GetValue(_future),
            Strict = parse.GetValue(_strict),
        };
        return new AnalysisRequest(files)
        {
            AsOf = AsOf(parse),
            Paths = Paths(parse),
            Seed = Seed(parse),
            Threshold = Threshold(parse),
        };
    }

    public static DateOnly? ParseDay(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new InputException($"{option}: '{text}' is not a date (expected yyyy-MM-dd)");
}
