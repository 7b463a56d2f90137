namespace Recommit.Import.Tests.ClickHouse;

/// <summary>
/// A test that needs the throw-away ClickHouse servers <c>scripts/test</c> starts: skipped when
/// <see cref="ClickHouseServer.UrlVariable"/> is not set, except in CI (<c>CI=true</c>), where the test runs and fails
/// with a message saying the server is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClickHouseFactAttribute : FactAttribute
{
    public ClickHouseFactAttribute()
    {
        if (ClickHouseServer.Url is null && !ClickHouseServer.InCi)
            Skip = $"no ClickHouse server: run scripts/test, or set {ClickHouseServer.UrlVariable} (and {ClickHouseServer.Shard2Variable}) to a running server's HTTP URL";
    }
}
