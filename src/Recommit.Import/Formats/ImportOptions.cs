namespace Recommit.Import.Formats;

/// <summary>
/// What every file importer may be told: how to resolve model names, how to rename columns (gateway logs), how to
/// read Bedrock usage amounts, and where to report progress.
/// </summary>
public sealed record ImportOptions
{
    /// <summary>Maps a model name in the file to the price book's canonical id; null keeps names as found, unflagged.</summary>
    public ModelNameResolver? Resolver { get; init; }

    /// <summary>Logical column name → the file's column name (gateway logs: <c>timestamp=ts,input=prompt_tokens</c>).</summary>
    public IReadOnlyDictionary<string, string> ColumnMap { get; init; } = new Dictionary<string, string>();

    /// <summary>How Bedrock CUR usage amounts count tokens (see <see cref="TokenUnitScale"/>).</summary>
    public TokenUnitScale BedrockUnits { get; init; } = TokenUnitScale.Auto;

    /// <summary>Progress while a large file is read (rows and bytes so far).</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }

    public static ImportOptions Default { get; } = new();
}

/// <summary>How many tokens one unit of a billing file's usage amount stands for.</summary>
public enum TokenUnitScale
{
    /// <summary>Decided per row from the unit column (<c>pricing_unit</c>, <c>ConsumedUnit</c>, <c>usage.unit</c>); tokens when absent.</summary>
    Auto = 0,
    /// <summary>One unit is one token.</summary>
    Tokens = 1,
    /// <summary>One unit is a thousand tokens.</summary>
    Thousands = 1000,
    /// <summary>One unit is a million tokens.</summary>
    Millions = 1_000_000,
}

/// <summary>How far an import has got: rows and bytes read so far, and the file's size.</summary>
public readonly record struct ImportProgress(string File, long Rows, long Bytes, long TotalBytes);
