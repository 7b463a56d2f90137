using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Recommit.Cli.Internals;
using Recommit.Import;
using Recommit.Import.Output;
using Recommit.Import.Prices;
using Recommit.Pricing;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit prices list|diff|import|crosscheck</c>: the price book as a history (docs/pricing.md,
/// "Price-book history"): the rates on sale on a day, every move between two days, a user's price sheet or the LiteLLM
/// price file brought in as a price-book file that <c>--prices</c> reads, and where the book and LiteLLM disagree.
/// </summary>
internal static class PricesCommand
{
    private static JsonSerializerOptions Json => PriceCommand.Json;

    public static Command Create()
    {
        var command = new Command("prices", "The price book's history: list the rates on a day, diff two days, bring in a price sheet or the LiteLLM price file, cross-check");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Diff());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(CrossCheck());
        return command;
    }

    private static Option<string?> PricesOption() =>
        new("--prices") { Description = "A price-book file laid over the built-in one (for example one written by 'prices import')" };

    private static Option<bool> JsonOption() => new("--json") { Description = "Write JSON instead of a table" };

    private static Command List()
    {
        var asOf = new Option<string?>("--as-of") { Description = "The day (yyyy-MM-dd) whose rates to list; default: today (UTC)" };
        var prices = PricesOption();
        var json = JsonOption();
        var command = new Command("list", "The models on sale on a day and their list rates in USD per million tokens");
        command.Options.Add(asOf);
        command.Options.Add(prices);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var book = AnalysisInputs.PriceBook(parse.GetValue(prices));
            var day = Day(parse.GetValue(asOf), "--as-of") ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var onSale = PriceHistory.OnSale(book, day);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    priceBookVersion = book.Version,
                    asOf = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    models = onSale.Select(x => new
                    {
                        model = x.Model.Info.Id.Value,
                        displayName = x.Model.Info.DisplayName,
                        family = x.Model.Info.Family,
                        effective = x.Entry.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        confirmed = x.Entry.Confirmed,
                        rates = PriceLine.Of(x.Entry).ToDictionary(l => l.Name, l => l.Value),
                    }),
                }, Json));
                return ExitCodes.Success;
            }
            var console = CliInputs.PlainConsole(stdout, 140);
            var table = new Table { Title = new TableTitle($"Claude list prices on {day:yyyy-MM-dd}, USD per MTok (price book {Markup.Escape(book.Version)})") };
            foreach (var c in new[] { "Model", "Since", "Input", "5m write", "1h write", "Cache read", "Output", "Batch", "Long context" })
                table.AddColumn(c is "Model" or "Since" or "Long context" ? new TableColumn(c) : new TableColumn(c).RightAligned());
            foreach (var (model, entry) in onSale)
            {
                var s = entry.Standard;
                table.AddRow(Markup.Escape(model.Info.Id.Value) + (entry.Confirmed ? "" : " (unconfirmed)"),
                    entry.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "launch",
                    Usd(s.Input), Usd(s.CacheWrite5m), Usd(s.CacheWrite1h), Usd(s.CacheRead), Usd(s.Output),
                    entry.BatchMultiplier is { } b ? $"×{b.ToString("0.##", CultureInfo.InvariantCulture)}" : "—",
                    entry.LongContext switch
                    {
                        LongContextRule.OwnRates => $"own rates ({Usd(entry.LongRates!.Input)} in)",
                        LongContextRule.StandardRates => "standard rates",
                        _ => "—",
                    });
            }
            console.Write(table);
            console.WriteLine($"{onSale.Count} model(s) on sale on {day:yyyy-MM-dd}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff()
    {
        var from = new Option<string>("--from") { Description = "The day before the window (yyyy-MM-dd): moves effective after it count", Required = true };
        var to = new Option<string?>("--to") { Description = "The last day of the window (yyyy-MM-dd); default: today (UTC)" };
        var prices = PricesOption();
        var json = JsonOption();
        var command = new Command("diff", "Every pricing move between two days: new models, retirements and each changed rate, old → new and the change in %");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(prices);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var book = AnalysisInputs.PriceBook(parse.GetValue(prices));
            var start = Day(parse.GetValue(from), "--from")!.Value;
            var end = Day(parse.GetValue(to), "--to") ?? DateOnly.FromDateTime(DateTime.UtcNow);
            if (end < start) throw new InputException($"--to {end:yyyy-MM-dd}: before --from {start:yyyy-MM-dd}");
            var moves = PriceHistory.Between(book, start, end);
            WriteMoves(parse.InvocationConfiguration.Output, parse.GetValue(json), book.Version,
                $"Pricing moves after {start:yyyy-MM-dd} through {end:yyyy-MM-dd}", moves,
                new { from = Iso(start), to = Iso(end) });
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "A price sheet CSV (model,input,cache_write_5m,cache_write_1h,cache_read,output[,effective]), the LiteLLM price JSON, or a price-book JSON" };
        var effective = new Option<string?>("--effective") { Description = "The day the imported rates apply from (yyyy-MM-dd); default: today (UTC). A sheet's own effective column wins" };
        var name = new Option<string?>("--name") { Description = "A short name for the imported prices; the book's version becomes <version>+<name>" };
        var output = new Option<string?>("--out") { Description = "The price-book file to write (default: <name>.pricebook.json); pass it to --prices" };
        var prices = PricesOption();
        var json = JsonOption();
        var command = new Command("import", "Bring in a price sheet or the LiteLLM price file as a price-book file, reporting what it adds or changes");
        command.Arguments.Add(file);
        command.Options.Add(effective);
        command.Options.Add(name);
        command.Options.Add(output);
        command.Options.Add(prices);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var book = AnalysisInputs.PriceBook(parse.GetValue(prices));
            var path = parse.GetValue(file)!;
            var day = Day(parse.GetValue(effective), "--effective") ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var label = parse.GetValue(name) ?? Slug(Path.GetFileNameWithoutExtension(path));
            if (label.Length == 0 || label.Length > 40 || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                throw new InputException($"--name: '{Terminal.Safe(label)}' must be 1 to 40 letters, digits, '-', '_' or '.'");
            var target = parse.GetValue(output) ?? $"{label}.pricebook.json";
            var (source, kind, skipped) = ReadSource(path, book);
            var result = PriceImport.Build(book, source, day, $"{kind} {Path.GetFileName(path)}, imported {Iso(DateOnly.FromDateTime(DateTime.UtcNow))}",
                confirmed: kind != "litellm");
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (result.Entries.Count > 0)
            {
                var overlay = PriceBookOverlay.ToJson(label, $"{kind} {Path.GetFileName(path)} dated {Iso(day)} by recommit prices import", result.Entries);
                // Read back through the same reader --prices uses, so a file that would not load is never written.
                book.Overlay(overlay, target);
                AtomicFile.WriteText(target, w => w.Write(overlay + "\n"));
            }
            stderr.WriteLine($"{Terminal.Safe(path)} ({kind}): {source.Count} Claude price row(s) read, {skipped} other row(s) passed over; " +
                $"{result.Entries.Count} new price entr{(result.Entries.Count == 1 ? "y" : "ies")}, {result.Unchanged} unchanged, {result.UnknownModels.Count} model name(s) the price book does not know" +
                (result.Entries.Count > 0 ? $"; written to {Terminal.Safe(target)} (use --prices {Terminal.Safe(target)})" : "; nothing written"));
            WriteMoves(stdout, parse.GetValue(json), book.Version, $"What {Path.GetFileName(path)} changes from {Iso(day)}", result.Moves,
                new { file = path, format = kind, effective = Iso(day), written = result.Entries.Count > 0 ? target : null, unknownModels = result.UnknownModels, unchanged = result.Unchanged });
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CrossCheck()
    {
        var file = new Argument<string>("FILE") { Description = "The LiteLLM price file (model_prices_and_context_window.json) or a price sheet CSV" };
        var asOf = new Option<string?>("--as-of") { Description = "The day whose book rates to compare (yyyy-MM-dd); default: today (UTC)" };
        var prices = PricesOption();
        var json = JsonOption();
        var command = new Command("crosscheck", "List where the price book and a LiteLLM price file (or a sheet) disagree");
        command.Arguments.Add(file);
        command.Options.Add(asOf);
        command.Options.Add(prices);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var book = AnalysisInputs.PriceBook(parse.GetValue(prices));
            var path = parse.GetValue(file)!;
            var day = Day(parse.GetValue(asOf), "--as-of") ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var (source, kind, _) = ReadSource(path, book);
            var (disagreements, unknown) = PriceCrossCheck.Run(book, source, day);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    priceBookVersion = book.Version,
                    file = path,
                    format = kind,
                    asOf = Iso(day),
                    disagreements = disagreements.Select(d => new { source = d.SourceKey, model = d.Model.Value, rate = d.Rate, book = d.Book, other = d.Source }),
                    unknownModels = unknown,
                }, Json));
                return ExitCodes.Success;
            }
            var console = CliInputs.PlainConsole(stdout, 140);
            var table = new Table { Title = new TableTitle($"Price book {Markup.Escape(book.Version)} against {Markup.Escape(Path.GetFileName(path))} on {day:yyyy-MM-dd}, USD per MTok") };
            foreach (var c in new[] { "Source name", "Model", "Rate", "Price book", "Source" }) table.AddColumn(c);
            foreach (var d in disagreements)
                table.AddRow(Markup.Escape(Terminal.Safe(d.SourceKey)), Markup.Escape(d.Model.Value), d.Rate, Usd(d.Book), Usd(d.Source));
            console.Write(table);
            console.WriteLine($"{disagreements.Count} disagreement(s) over {source.Count} Claude row(s); {unknown.Count} name(s) the price book does not know" +
                (unknown.Count > 0 ? ": " + Terminal.Safe(string.Join(", ", unknown.Take(12))) + (unknown.Count > 12 ? ", …" : "") : "") + ".");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads a source by its content: a JSON object with "models" is a price-book file, another JSON object the LiteLLM file, else a sheet CSV.</summary>
    private static (IReadOnlyList<ExternalPrice> Prices, string Kind, int Skipped) ReadSource(string path, PriceBook book)
    {
        var text = InputFile.ReadSmallText(path, "FILE", InputFile.MaxPriceBookBytes * 4);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            if (trimmed.Contains("\"models\"", StringComparison.Ordinal) && trimmed.Contains("\"prices\"", StringComparison.Ordinal))
            {
                var overlaid = book.Overlay(text, path);
                var rows = new List<ExternalPrice>();
                foreach (var m in overlaid.PricedModels)
                    foreach (var e in m.Prices)
                        if (!book.PricedModels.Any(b => b.Info.Id == m.Info.Id && b.Prices.Contains(e)))
                            rows.Add(new ExternalPrice(m.Info.Id.Value, path, m.Info.Id, e.Standard.Input, e.Standard.CacheWrite5m,
                                e.Standard.CacheWrite1h, e.Standard.CacheRead, e.Standard.Output, e.LongRates?.Input, e.LongRates?.Output,
                                e.BatchMultiplier, e.Effective));
                return (rows, "price-book", 0);
            }
            var prices = LiteLlmPriceFile.Read(text, path, book, out var skipped);
            return (prices, "litellm", skipped);
        }
        using var reader = new StringReader(text);
        return (PriceSheetCsv.Read(reader, path, book), "sheet", 0);
    }

    private static void WriteMoves(TextWriter stdout, bool asJson, string version, string title, IReadOnlyList<PriceMove> moves, object window)
    {
        if (asJson)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                priceBookVersion = version,
                window,
                moves = moves.Select(m => new
                {
                    kind = m.Kind switch { PriceMoveKind.NewModel => "new-model", PriceMoveKind.Retired => "retired", _ => "rate-change" },
                    model = m.Model.Value,
                    effective = m.Effective is { } d ? Iso(d) : null,
                    rate = m.Rate,
                    old = m.Old,
                    @new = m.New,
                    changePercent = m.ChangePercent is { } p ? Math.Round(p, 1, MidpointRounding.AwayFromZero) : (decimal?)null,
                }),
            }, Json));
            return;
        }
        var console = CliInputs.PlainConsole(stdout, 140);
        var table = new Table { Title = new TableTitle($"{Markup.Escape(title)} (price book {Markup.Escape(version)})") };
        foreach (var c in new[] { "Effective", "Model", "Move", "Old", "New", "Change" }) table.AddColumn(c);
        foreach (var m in moves)
            table.AddRow(m.Effective is { } d ? Iso(d) : "—", Markup.Escape(m.Model.Value),
                m.Kind switch { PriceMoveKind.NewModel => "new model", PriceMoveKind.Retired => "retired", _ => m.Rate! },
                m.Kind == PriceMoveKind.RateChange ? Rate(m.Rate!, m.Old) : "", m.Kind == PriceMoveKind.RateChange ? Rate(m.Rate!, m.New) : "",
                m.ChangePercent is { } p ? p.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + " %" : "");
        console.Write(table);
        var cuts = moves.Count(m => m.IsCut);
        var rises = moves.Count(m => m.Kind == PriceMoveKind.RateChange && m.Old is { } o && m.New is { } n && n > o);
        console.WriteLine($"{moves.Count} move(s): {moves.Count(m => m.Kind == PriceMoveKind.NewModel)} new model(s), " +
            $"{moves.Count(m => m.Kind == PriceMoveKind.Retired)} retirement(s), {cuts} rate cut(s), {rises} rate increase(s).");
    }

    private static string Rate(string line, decimal? value) =>
        value is not { } v ? "—" : line.EndsWith("multiplier", StringComparison.Ordinal) ? "×" + v.ToString("0.###", CultureInfo.InvariantCulture) : Usd(v);

    private static string Usd(decimal v) => "$" + v.ToString("0.00####", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Slug(string name) => new([.. name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').Take(40)]);

    private static DateOnly? Day(string? text, string option)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InputException($"{option}: expected a day as yyyy-MM-dd, found '{Terminal.Safe(text)}'");
    }
}
