using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Recommit.Storage.Digest;

/// <summary>
/// The digest as an Atom 1.0 feed (RFC 4287) written by System.ServiceModel.Syndication. Every id is a URN made of what
/// the entry is about, never of when it was written, so re-running a week's digest gives the same ids and feed readers
/// show no duplicates: a move is <c>urn:recommit:price-move:{model}:{rate}:{effective}</c>, an account's impact
/// <c>urn:recommit:digest:{week}:account:{id}</c>; <c>updated</c> is the move's effective day or the week's last day.
/// </summary>
public static class DigestFeed
{
    /// <summary>The feed's own id: one feed, whatever week it shows.</summary>
    public const string FeedId = "urn:recommit:digest";

    /// <summary>The Atom XML of <paramref name="digest"/>; <paramref name="link"/> is where the digest's page or JSON lives.</summary>
    public static string ToAtom(PriceDigest digest, Uri link)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var weekEnd = Stamp(digest.WeekEnd);
        var feed = new SyndicationFeed($"Recommit pricing digest, week of {Iso(digest.WeekStart)}",
            $"Claude pricing moves from {Iso(digest.WeekStart)} to {Iso(digest.WeekEnd)} (price book {digest.PriceBookVersion}) and what they mean for each tracked account.",
            link, FeedId, weekEnd);
        var items = new List<SyndicationItem>();
        foreach (var m in digest.Moves)
        {
            var title = m.Kind switch
            {
                Recommit.Pricing.PriceMoveKind.NewModel => $"New model: {m.Model}",
                Recommit.Pricing.PriceMoveKind.Retired => $"Retired: {m.Model}",
                _ => $"{m.Model} {m.Rate}: {Rate(m.Old)} → {Rate(m.New)}" + (m.ChangePercent is { } p ? $" ({p.ToString("+0.#;-0.#", CultureInfo.InvariantCulture)} %)" : ""),
            };
            var id = $"urn:recommit:price-move:{m.Model}:{m.Rate ?? m.Kind.ToString().ToLowerInvariant()}:{(m.Effective is { } e ? Iso(e) : "launch")}";
            var updated = m.Effective is { } day ? Stamp(day) : weekEnd;
            items.Add(new SyndicationItem(title, $"{title}, effective {(m.Effective is { } d ? Iso(d) : "since launch")}.", link, id, updated));
        }
        foreach (var a in digest.Accounts.Where(a => a.Skipped is null || a.Counters.Length > 0))
        {
            var text = new StringBuilder();
            if (a.Before is { } b && a.After is { } n)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"Cost of doing nothing {Usd(b.CostOfDoingNothing)} → {Usd(n.CostOfDoingNothing)}; bill for the rest of the term {Usd(b.TotalBill)} → {Usd(n.TotalBill)}; gap {b.GapClass} → {n.GapClass}. ");
                text.Append(DigestText.Deal(a)).Append(' ');
            }
            else if (a.Skipped is { } why) text.Append(CultureInfo.InvariantCulture, $"Not re-analysed: {why}. ");
            foreach (var c in a.Counters) text.Append(c.Sentence).Append(' ');
            var item = new SyndicationItem($"{a.Account}: what this week's pricing moves mean", text.ToString().TrimEnd(), link,
                $"urn:recommit:digest:{Iso(digest.WeekStart)}:account:{a.AccountId}", weekEnd);
            items.Add(item);
        }
        feed.Items = items;
        // Written to bytes so the XML declaration says UTF-8, the encoding the feed is served and saved in.
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static DateTimeOffset Stamp(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Rate(decimal? v) => v is { } r ? "$" + r.ToString("0.00####", CultureInfo.InvariantCulture) : "—";

    private static string Usd(decimal v) => v.ToString("$#,##0;-$#,##0", CultureInfo.InvariantCulture);
}
