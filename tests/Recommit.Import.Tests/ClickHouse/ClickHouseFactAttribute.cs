namespace Recommit.Import.Tests.ClickHouse;

/// <summary>
/// A test that needs the throw-away ClickHouse servers <c>scripts/test</c> starts: skipped when
/// <c>RECOMMIT_TEST_CLICKHOUSE</c> is not set, except in CI (<c>CI=true</c>), where the test runs and fails saying
/// the server is missing. Shared by the import and CLI test projects.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClickHouseFactAttribute : FactAttribute
{
    public const string UrlVariable = "RECOMMIT_TEST_CLICKHOUSE";

    public ClickHouseFactAttribute()
    {
        var missing = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(UrlVariable));
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (missing && !ci) Skip = $"no ClickHouse server: run scripts/test, or set {UrlVariable} (and {UrlVariable}_SHARD2) to a running server's HTTP URL";
    }
}

/// <summary><see cref="ClickHouseFactAttribute"/> for a test with cases: skipped, or failing in CI, on the same terms.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClickHouseTheoryAttribute : TheoryAttribute
{
    public ClickHouseTheoryAttribute() => Skip = new ClickHouseFactAttribute().Skip;
}
