using System.Text.Json;
using Recommit.Levers;

namespace Recommit.Tests.Levers;

public class LeverSchemaTests
{
    private static JsonElement Schema()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Recommit.slnx"))) root = Path.GetDirectoryName(root)!;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "data", "schemas", "levers.schema.json")));
        return doc.RootElement.Clone();
    }

    private static string[] Properties(JsonElement schema) =>
        [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("routing")]
    [InlineData("caching")]
    [InlineData("batch")]
    public void The_published_schema_and_the_loader_accept_the_same_fields(string type)
    {
        var schema = Schema();
        var def = schema.GetProperty("$defs").GetProperty(type);
        var loader = type switch { "routing" => LeverFile.RoutingFields, "caching" => LeverFile.CachingFields, _ => LeverFile.BatchFields };
        Assert.Equal(loader.Order(StringComparer.Ordinal), Properties(def));
        Assert.False(def.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(type, def.GetProperty("properties").GetProperty("type").GetProperty("const").GetString());
        Assert.Equal(LeverFile.RootFields.Order(StringComparer.Ordinal), Properties(schema));
    }
}
