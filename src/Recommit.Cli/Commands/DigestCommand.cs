using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Recommit.Cli.Internals;
using Recommit.Import;
using Recommit.Import.Output;
using Recommit.Pricing;
using Recommit.Storage.Analyses;
using Recommit.Storage.Digest;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit digest --week DATE [--store CONNECTION] [--atom FILE] [--json]</c>: the week's pricing moves and, for every
/// account in the store, what they do to its reforecast, with the counters that fit (docs/pricing.md,
/// "Weekly digest").
/// </summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var week = new Option<string>("--week") { Description = "Any day of the week (Monday to Sunday) to digest, yyyy-MM-dd", Required = true };
        var store = CliStore.Option();
        var atom = new Option<string?>("--atom") { Description = "Also write the digest as an Atom feed to this file" };
        var prices = new Option<string?>("--prices") { Description = "A price-book file laid over the built-in one (moves in it count)" };
        var paths = new Option<int>("--paths") { Description = "Simulated paths per account and book", DefaultValueFactory = _ => 1_000 };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of tables" };
        var command = new Command("digest", "The week's pricing moves and what each means for every tracked account");
        foreach (var o in new Option[] { week, store, atom, prices, paths, json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var day = DateOnly.TryParseExact(parse.GetValue(week)!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new InputException($"--week: expected a day as yyyy-MM-dd, found '{Terminal.Safe(parse.GetValue(week)!)}'");
            var book = AnalysisInputs.PriceBook(parse.GetValue(prices));
            var options = new AnalysisOptions { Paths = OptionChecks.Paths(parse.GetValue(paths)) };
            var stderr = parse.InvocationConfiguration.Error;
            var digest = Task.Run(async () =>
            {
                var opened = await CliStore.OpenAsync(parse.GetValue(store));
                await using var db = opened.Open();
                return await PriceDigest.BuildAsync(db, book, day, options, progress: name => stderr.WriteLine($"digest: {Terminal.Safe(name)}…"));
            }).GetAwaiter().GetResult();
            if (parse.GetValue(atom) is { } atomPath)
            {
                var xml = DigestFeed.ToAtom(digest, new Uri("http://127.0.0.1:5080/digest.atom"));
                AtomicFile.WriteText(atomPath, w => w.Write(xml));
                stderr.WriteLine($"Wrote {atomPath}");
            }
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) stdout.WriteLine(JsonSerializer.Serialize(DigestJson.Document(digest), PriceCommand.Json));
            else WriteTables(digest, stdout);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTables(PriceDigest digest, TextWriter stdout)
    {
        var console = CliInputs.PlainConsole(stdout, 140);
        console.WriteLine($"Pricing digest for {Iso(digest.WeekStart)} to {Iso(digest.WeekEnd)} (price book {digest.PriceBookVersion})");
        var moves = new Table { Title = new TableTitle("Moves") };
        foreach (var c in new[] { "Effective", "Model", "Move", "Old", "New", "Change" }) moves.AddColumn(c);
        foreach (var m in digest.Moves)
            moves.AddRow(m.Effective is { } e ? Iso(e) : "—", Markup.Escape(m.Model.Value),
                m.Kind switch { PriceMoveKind.NewModel => "new model", PriceMoveKind.Retired => "retired", _ => m.Rate! },
                m.Old is { } o ? "$" + o.ToString("0.00####", CultureInfo.InvariantCulture) : "", m.New is { } n ? "$" + n.ToString("0.00####", CultureInfo.InvariantCulture) : "",
                m.ChangePercent is { } p ? p.ToString("+0.#;-0.#", CultureInfo.InvariantCulture) + " %" : "");
        console.Write(moves);
        console.WriteLine(digest.Moves.Length == 0 ? "No pricing moves took effect this week." : $"{digest.Moves.Length} move(s) this week.");
        var accounts = new Table { Title = new TableTitle("Impact per account (same seed and paths under the book without and with the week's moves)") };
        foreach (var c in new[] { "Account", "Cost of doing nothing", "Change", "Projected position (+ over, − under)", "Change", "Counters" }) accounts.AddColumn(c);
        foreach (var a in digest.Accounts)
        {
            var counters = a.Counters.Length == 0 ? "—" : string.Join("; ", a.Counters.Select(c => DigestJson.Kebab(c.Kind)));
            if (a.Before is { } b && a.After is { } n)
                accounts.AddRow(Markup.Escape(a.Account), $"{Usd(b.CostOfDoingNothing)} → {Usd(n.CostOfDoingNothing)}", Signed(a.CostOfDoingNothingChange),
                    $"{Usd(b.ProjectedPosition)} → {Usd(n.ProjectedPosition)}", Signed(a.PositionChange), counters);
            else
                accounts.AddRow(Markup.Escape(a.Account), Markup.Escape($"not re-analysed: {a.Skipped}"), "", "", "", counters);
        }
        console.Write(accounts);
        var deals = new Table { Title = new TableTitle("The deal per account (docs/method.md §7–§8; savings are simulated means to 3 significant figures)") };
        foreach (var c in new[] { "Account", "Recommendation before", "Recommendation after", "Best package before", "Best package after", "Saving change" }) deals.AddColumn(c);
        foreach (var a in digest.Accounts)
            if (a.Before?.Deal is { } b && a.After?.Deal is { } n)
                deals.AddRow(Markup.Escape(a.Account), Markup.Escape(DigestText.Action(b)), Markup.Escape(DigestText.Action(n)), Markup.Escape(DigestText.Package(b)),
                    Markup.Escape(DigestText.Package(n)), b.BuyerSaving is { } was && n.BuyerSaving is { } now ? DigestText.SignedChange(was, now) : "—");
        if (deals.Rows.Count > 0) console.Write(deals);
        foreach (var a in digest.Accounts)
            foreach (var c in a.Counters)
                console.WriteLine(Markup.Escape($"{a.Account}: {c.Sentence}"));
    }

    private static string Usd(decimal? v) => v is { } x ? x.ToString("$#,##0;-$#,##0", CultureInfo.InvariantCulture) : "—";

    private static string Signed(decimal? v) => v is { } x ? x.ToString("+$#,##0;-$#,##0;$0", CultureInfo.InvariantCulture) : "";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
