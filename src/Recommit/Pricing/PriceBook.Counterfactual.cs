using System.Globalization;

namespace Recommit.Pricing;

public sealed partial class PriceBook
{
    /// <summary>
    /// The book as if no price entry had taken effect after <paramref name="day"/>: every later entry is left out (a
    /// model whose entries all start later keeps its first one, so usage of it can still be priced). The digest prices an
    /// account's reforecast under this book and under the whole book to measure what a week's moves did
    /// (docs/pricing.md, "Weekly digest"). Its version is <c>{version}@{day}</c>.
    /// </summary>
    public PriceBook WithoutChangesAfter(DateOnly day)
    {
        var draft = new PriceBookDraft
        {
            File = _draft.File,
            Version = string.Create(CultureInfo.InvariantCulture, $"{_draft.Version}@{day:yyyy-MM-dd}"),
            WebSearchUsdPerThousand = _draft.WebSearchUsdPerThousand,
            WebSearchSource = _draft.WebSearchSource,
            PriorityMultiplier = _draft.PriorityMultiplier,
            PrioritySource = _draft.PrioritySource,
        };
        foreach (var m in _draft.Models)
        {
            var copy = m.Copy(e => e.Effective is not { } effective || effective <= day);
            if (copy.Prices.Count == 0) copy.Prices.Add(m.Prices.OrderBy(p => p.Entry.Effective).First());
            draft.Models.Add(copy);
        }
        return Build(draft);
    }
}
