using Recommit.Levers;
using Recommit.Time;

namespace Recommit.Tests.Levers;

public class LeverFileTests
{
    [Fact]
    public void A_levers_file_reads_every_lever_kind()
    {
        const string json = """
        {
          "$schema": "../data/schemas/levers.schema.json",
          "levers": [
            { "type": "batch", "start": "2026-05", "share": 0.3 },
            { "type": "routing", "name": "support bot to Haiku", "start": "2026-03", "rampMonths": 3,
              "from": "claude-sonnet-4-5", "to": "claude-haiku-4-5", "share": { "low": 0.3, "high": 0.5 } },
            { "type": "caching", "start": "2026-04", "model": "claude-sonnet-4-5", "cacheableShare": 0.6, "hitRate": { "low": 0.7, "high": 0.9 }, "write": "1h" }
          ]
        }
        """;
        var plan = LeverFile.Parse(json, "levers.json");
        Assert.Equal(3, plan.Levers.Length);
        var order = plan.InApplicationOrder().Select(l => l.Kind).ToArray();
        Assert.Equal([LeverKind.Routing, LeverKind.Caching, LeverKind.Batch], order);
        var r = Assert.IsType<RoutingLever>(plan.Levers[1]);
        Assert.Equal("support bot to Haiku", r.Name);
        Assert.Equal(new YearMonth(2026, 3), r.Start);
        Assert.Equal(3, r.RampMonths);
        Assert.Equal(new UncertainRange(0.3m, 0.5m), r.Share);
        Assert.Null(r.TokenInflation);
        var c = Assert.IsType<CachingLever>(plan.Levers[2]);
        Assert.Equal(CacheWriteDuration.OneHour, c.Write);
        Assert.Equal(UncertainRange.Point(0.6m), c.CacheableShare);
        var b = Assert.IsType<BatchLever>(plan.Levers[0]);
        Assert.Null(b.Model);
        Assert.Equal(0, b.RampMonths);
    }

    [Theory]
    [InlineData("""{"levers":[{"type":"batch","start":"2026-05","share":1.3}]}""", "levers[0].share: expected a share in [0, 1], found 1.3")]
    [InlineData("""{"levers":[{"type":"batch","start":"May","share":0.3}]}""", "levers[0].start: expected a month yyyy-MM, found \"May\"")]
    [InlineData("""{"levers":[{"type":"teleport","start":"2026-05"}]}""", "levers[0].type: expected \"routing\", \"caching\" or \"batch\", found \"teleport\"")]
    [InlineData("""{"levers":[{"type":"routing","start":"2026-05","from":"a","share":0.3}]}""", "levers[0].to: required field is missing")]
    [InlineData("""{"levers":[{"type":"caching","start":"2026-05","cacheableShare":0.5,"hitRate":{"low":0.9,"high":0.5}}]}""", "levers[0].hitRate: low 0.9 is above high 0.5")]
    [InlineData("""{"levers":[{"type":"batch","start":"2026-05","share":0.3,"sahre":1}]}""", "levers[0].sahre: unknown field")]
    [InlineData("""{"levers":[{"type":"batch","start":"2026-05","share":0.3,"rampMonths":-2}]}""", "levers[0].rampMonths: expected a whole number of months 0..120, found -2")]
    [InlineData("""{"levers":[{"type":"caching","start":"2026-05","cacheableShare":0.5,"hitRate":0.5,"write":"10m"}]}""", "levers[0].write: expected \"5m\" or \"1h\", found \"10m\"")]
    [InlineData("""{"lever":[]}""", "(root).lever: unknown field")]
    [InlineData("""{"levers":[{"type":"batch",""", "not valid JSON")]
    public void A_bad_levers_file_is_an_input_error_naming_the_field(string json, string expected)
    {
        var e = Assert.Throws<LeverException>(() => LeverFile.Parse(json, "plan.json"));
        Assert.StartsWith("plan.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_example_in_the_docs_folder_parses()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Recommit.slnx"))) root = Path.GetDirectoryName(root)!;
        var text = File.ReadAllText(Path.Combine(root, "docs", "levers.example.json"));
        var plan = LeverFile.Parse(text, "levers.example.json");
        Assert.Equal(3, plan.Levers.Length);
    }
}
