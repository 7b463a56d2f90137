namespace Recommit.Browser.Tests;

/// <summary>One server and one browser for every browser test (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
