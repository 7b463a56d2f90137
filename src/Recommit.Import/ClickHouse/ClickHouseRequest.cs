namespace Recommit.Import.ClickHouse;

/// <summary>
/// What <c>recommit import clickhouse</c> reads: a server's HTTP interface, a table (or view, or Distributed table) of
/// request logs, which of its columns hold what (<see cref="ColumnMap"/>, as the gateway importer's <c>--map</c>),
/// filters on its columns, an optional range of UTC days, and the user and password to connect with.
/// </summary>
public sealed record ClickHouseRequest
{
    /// <summary>The HTTP interface, such as <c>http://127.0.0.1:8123</c> (no user, password, path or query in it).</summary>
    public required Uri Url { get; init; }

    /// <summary>The database; null for the user's default database.</summary>
    public string? Database { get; init; }

    public required string Table { get; init; }

    /// <summary>Logical column name → the table's column (see the gateway importer's logical names).</summary>
    public IReadOnlyDictionary<string, string> ColumnMap { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<ClickHouseFilter> Filters { get; init; } = [];

    /// <summary>First UTC day read, inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last UTC day read, inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Reads the table with <c>FINAL</c> (ReplacingMergeTree tables whose rows are rewritten, such as Helicone's).</summary>
    public bool Final { get; init; }

    /// <summary>Whether the server gzips its answers; null: only when it is not on this machine (loopback).</summary>
    public bool? Compress { get; init; }

    public string? User { get; init; }

    public ClickHousePassword? Password { get; init; }

    /// <summary>How the source is named in reports and messages: host, port, database and table; never a user or password.</summary>
    public string SourceName => $"clickhouse://{Url.Authority}/{(Database is null ? "" : Database + ".")}{Table}";

    /// <summary>Checks names, dates and the URL before anything is sent; throws <see cref="ImportException"/> naming the option.</summary>
    public void Validate()
    {
        if (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps)
            throw new ImportException($"--url: '{Url.GetLeftPart(UriPartial.Authority)}' is not an http(s) URL");
        if (Url.UserInfo.Length > 0)
            throw new ImportException("--url: a user or password in the URL is refused (it would show in shell history and logs); use --user and --password-file");
        if (Url.Query.Length > 0 || Url.AbsolutePath != "/")
            throw new ImportException("--url: give only the scheme, host and port of the HTTP interface (such as http://127.0.0.1:8123)");
        if (Database is not null) ClickHouseSql.CheckIdentifier(Database, "--database");
        ClickHouseSql.CheckIdentifier(Table, "--table");
        if (Table.Contains('.', StringComparison.Ordinal)) throw new ImportException("--table: give the database with --database, not as DB.TABLE");
        foreach (var (logical, column) in ColumnMap) ClickHouseSql.CheckIdentifier(column, $"--map {logical}");
        foreach (var f in Filters) ClickHouseSql.CheckIdentifier(f.Column, "--where");
        if (From is { } from && To is { } to && to < from)
            throw new ImportException($"--to: {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        if (User is not null && (User.Length == 0 || User.Any(c => char.IsControl(c) || c == ':')))
            throw new ImportException("--user: not a user name");
    }
}
