using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Recommit.Analysis;
using Recommit.Cli.Internals;
using Recommit.Import.Canonical;
using Recommit.Pricing;
using Recommit.Usage;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit price --usage FILE [--prices FILE] [--json]</c>: prices a canonical usage CSV at list through the price
/// book (the built-in one, or with a user file laid over it) and shows totals by month, model and token kind, the grand
/// total and the price-book version (docs/method.md §1).
/// </summary>
internal static class PriceCommand
{
    /// <summary>The JSON options of the pricing verbs' --json output (also used by <c>recommit prices</c>).</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Plain text on stdout, not HTML: keep '+' in overlaid versions and non-ASCII names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var usage = new Option<string>("--usage") { Description = "Canonical usage CSV: date,model,token_kind,tokens[,service_tier,context_band,channel,workspace,inference_geo,speed]", Required = true };
        var prices = new Option<string?>("--prices") { Description = "A price-book JSON file laid over the built-in price book (adds models and price changes; see docs/pricing.md)" };
        var json = new Option<bool>("--json") { Description = "Write JSON (camelCase, dollars rounded to cents) instead of a table" };
        var strict = CliInputs.StrictOption();
        var command = new Command("price", "Price usage at list through the price book: totals by month, model and token kind");
        command.Options.Add(usage);
        command.Options.Add(prices);
        command.Options.Add(json);
        command.Options.Add(strict);
        command.SetAction(parse => Run(parse.GetValue(usage)!, parse.GetValue(prices), parse.GetValue(json), parse.GetValue(strict),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string usagePath, string? pricesPath, bool asJson, bool strict, TextWriter stdout, TextWriter stderr)
    {
        var book = CliInputs.PriceBook(pricesPath);

        var import = CanonicalUsageCsv.Read(usagePath, CliInputs.Resolver(book));
        CliInputs.CheckStrict(import.Report, strict);
        CliInputs.WriteImportSummary(import.Report, stderr);
        OptionChecks.WarnBeforeRelease(import.Cube, book, stderr);
        var priced = CubePricing.Price(import.Cube, book);
        var source = CliInputs.Source(import.Report);

        if (asJson) WriteJson(priced, usagePath, source, stdout);
        else WriteTable(priced, source, stdout);
        return ExitCodes.Success;
    }

    private static void WriteJson(PricedUsage priced, string usagePath, UsageSource source, TextWriter stdout)
    {
        var document = new
        {
            priceBookVersion = priced.PriceBookVersion,
            usageFile = usagePath,
            input = new { rowsRead = source.RowsRead, accepted = source.Accepted, rejected = source.Rejected, rejectedListUsd = source.RejectedListUsd },
            rows = priced.Rows.Select(r => new { month = r.Month, model = r.Model.Value, tokenKind = r.Kind.Name(), tokens = r.Tokens, listUsd = r.ListUsd }),
            months = priced.MonthlyListUsd().Select(m => new { month = m.Key, listUsd = m.Value }),
            total = priced.Total,
        };
        stdout.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    private static void WriteTable(PricedUsage priced, UsageSource source, TextWriter stdout)
    {
        var console = CliInputs.PlainConsole(stdout);

        var table = new Table { Title = new TableTitle($"Usage at list prices (price book {Markup.Escape(priced.PriceBookVersion)})") };
        table.AddColumn("Month");
        table.AddColumn("Model");
        table.AddColumn("Token kind");
        table.AddColumn(new TableColumn("Tokens").RightAligned());
        table.AddColumn(new TableColumn("List USD").RightAligned());
        var monthly = priced.MonthlyListUsd();
        foreach (var month in priced.Rows.GroupBy(r => r.Month))
        {
            foreach (var r in month)
                table.AddRow(r.Month.ToString(), Markup.Escape(r.Model.Value), r.Kind.Name(), r.Tokens.ToString("N0", CultureInfo.InvariantCulture), r.ListUsd.ToString());
            table.AddRow($"{month.Key} total", "", "", "", monthly[month.Key].ToString());
            table.AddEmptyRow();
        }
        table.AddRow("Total", "", "", "", priced.Total.ToString());
        console.Write(table);

        var byModel = new Table { Title = new TableTitle("By model") };
        byModel.AddColumn("Model");
        byModel.AddColumn(new TableColumn("List USD").RightAligned());
        foreach (var (model, usd) in priced.ListUsdByModel()) byModel.AddRow(Markup.Escape(model.Value), usd.ToString());
        console.Write(byModel);
        console.WriteLine($"Grand total at list: {priced.Total} (price book {priced.PriceBookVersion})");
        console.WriteLine($"Input: {source.Summary}" + (source.Rejected > 0 ? "; the total leaves the rejected rows out" : ""));
    }
}
