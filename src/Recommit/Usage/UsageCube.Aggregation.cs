using System.Collections.Immutable;
using Recommit.Pricing;
using Recommit.Time;

namespace Recommit.Usage;

/// <summary>Monthly token totals of the cube by token kind, model and model family (docs/method.md §1 and §4).</summary>
public sealed partial class UsageCube
{
    /// <summary>Tokens of a kind per month (web searches count uses), months in order.</summary>
    public IReadOnlyDictionary<YearMonth, long> TokensByMonth(TokenKind kind)
    {
        var d = new SortedDictionary<YearMonth, long>();
        foreach (var t in Aggregate(_ => 0, [""]))
            if (t.Kind == kind) d[t.Month] = t.Tokens;
        return d;
    }

    /// <summary>Tokens per month and token kind over the whole cube (group empty).</summary>
    public ImmutableArray<UsageTotal> ByMonthAndKind() => Aggregate(_ => 0, [""]);

    /// <summary>Tokens per month, model (as stored in the cube) and token kind.</summary>
    public ImmutableArray<UsageTotal> ByMonthModelAndKind() => Aggregate(m => m, Models);

    /// <summary>
    /// Tokens per month, model family and token kind; <paramref name="familyOf"/> names a model's family, and a model
    /// it does not know (null) forms a group of its own under its stored name.
    /// </summary>
    public ImmutableArray<UsageTotal> ByMonthFamilyAndKind(Func<string, string?> familyOf)
    {
        ArgumentNullException.ThrowIfNull(familyOf);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var groupOfModel = new int[Models.Length];
        for (var m = 0; m < Models.Length; m++)
        {
            var family = familyOf(Models[m]) ?? Models[m];
            if (!groups.TryGetValue(family, out var g))
            {
                g = names.Count;
                groups.Add(family, g);
                names.Add(family);
            }
            groupOfModel[m] = g;
        }
        return Aggregate(m => groupOfModel[m], names);
    }

    /// <summary>Tokens per month, model family (from the price book) and token kind.</summary>
    public ImmutableArray<UsageTotal> ByMonthFamilyAndKind(PriceBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return ByMonthFamilyAndKind(book.FamilyOf);
    }

    private const int KindCount = 6;

    /// <summary>Sums tokens per month × group × kind, with a group index per model index; rows sorted by month, group name, kind.</summary>
    private ImmutableArray<UsageTotal> Aggregate(Func<int, int> groupOfModel, IReadOnlyList<string> groupNames)
    {
        var groupOf = new int[Models.Length];
        for (var m = 0; m < groupOf.Length; m++) groupOf[m] = groupOfModel(m);
        var width = groupNames.Count * KindCount;
        var months = new SortedDictionary<int, long[]>();
        var lastDay = int.MinValue;
        long[] sums = [];
        for (var i = 0; i < Count; i++)
        {
            if (_day[i] != lastDay)
            {
                var date = DateOnly.FromDayNumber(_day[i]);
                var ordinal = date.Year * 12 + date.Month - 1;
                if (!months.TryGetValue(ordinal, out sums!))
                {
                    sums = new long[width];
                    months.Add(ordinal, sums);
                }
                lastDay = _day[i];
            }
            var cell = groupOf[_model[i]] * KindCount + _kind[i];
            sums[cell] = checked(sums[cell] + _tokens[i]);
        }
        var order = Enumerable.Range(0, groupNames.Count).OrderBy(g => groupNames[g], StringComparer.Ordinal).ToArray();
        var result = ImmutableArray.CreateBuilder<UsageTotal>();
        foreach (var (ordinal, s) in months)
        {
            var month = YearMonth.FromOrdinal(ordinal);
            foreach (var g in order)
                for (var k = 0; k < KindCount; k++)
                    if (s[g * KindCount + k] != 0)
                        result.Add(new UsageTotal(month, groupNames[g], (TokenKind)k, s[g * KindCount + k]));
        }
        return result.ToImmutable();
    }
}
