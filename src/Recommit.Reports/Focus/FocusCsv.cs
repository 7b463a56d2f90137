using System.Globalization;
using System.Text;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Focus;

/// <summary>
/// Writes the FOCUS datasets as CSV (docs/fees.md, "FOCUS exports"): a header of FOCUS column ids, dates as ISO 8601 UTC
/// (<c>2026-01-01T00:00:00Z</c>, period ends exclusive), money to the cent, nulls as empty fields. Text that came from a
/// user (the contract name) is quoted as RFC 4180 requires, and a leading <c>= + - @</c> is defused with an apostrophe
/// so a spreadsheet never runs it as a formula. Columns the specification does not define carry the <c>x_</c> prefix.
/// </summary>
public static class FocusCsv
{
    /// <summary>The cost-and-usage columns Recommit writes, in the specification's (alphabetical) order.</summary>
    public static IReadOnlyList<string> CostAndUsageColumns { get; } =
    [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
        "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart",
        "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "HostProviderName", "InvoiceIssuerName", "ListCost", "ListUnitPrice",
        "PricingCategory", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
        "ServiceProviderName", "ServiceSubcategory", "SkuId", "x_ModelFamily",
    ];

    /// <summary>The FOCUS 1.3 Contract Commitment columns, then Recommit's projection columns when a reforecast is given.</summary>
    public static IReadOnlyList<string> ContractCommitmentColumns { get; } =
    [
        "BillingCurrency", "ContractCommitmentCategory", "ContractCommitmentCost", "ContractCommitmentDescription", "ContractCommitmentId",
        "ContractCommitmentPeriodEnd", "ContractCommitmentPeriodStart", "ContractCommitmentQuantity", "ContractCommitmentType",
        "ContractCommitmentUnit", "ContractId", "ContractPeriodEnd", "ContractPeriodStart",
    ];

    private static readonly string[] ProjectionColumns = ["x_ProjectedConsumedP50", "x_ProjectedPositionP50"];

    private const string Anthropic = "Anthropic";

    /// <summary>The cost-and-usage dataset of <paramref name="contract"/>'s charges.</summary>
    public static string CostAndUsage(Contract contract, IEnumerable<FocusCharge> charges)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(charges);
        var sb = new StringBuilder();
        Row(sb, CostAndUsageColumns.Select(c => (string?)c));
        foreach (var c in charges)
        {
            Row(sb,
            [
                Money(c.BilledCost), Text(contract.Name), Text(contract.Name), "USD", Date(c.BillingMonth.AddMonths(1)), Date(c.BillingMonth),
                c.Category.ToString(), null, Text(c.Description), c.OneTime ? "One-Time" : "Usage-Based", Date(c.ChargeEndExclusive), Date(c.ChargeStart),
                Money(c.ContractedCost), Number(c.ContractedUnitPrice), Money(c.EffectiveCost), Anthropic, Anthropic, Money(c.ListCost), Number(c.ListUnitPrice),
                "Standard", Number(c.PricingQuantity), c.PricingUnit, Anthropic, Anthropic, "AI and Machine Learning", "Claude",
                Anthropic, "Generative AI", Text(c.SkuId), c.Family is null ? null : Text(c.Family),
            ]);
        }
        return sb.ToString();
    }

    /// <summary>The contract-commitment dataset: one row per true-up period, category Spend.</summary>
    public static string ContractCommitment(Contract contract, IReadOnlyList<FocusCommitment> periods)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(periods);
        var projected = periods.Any(p => p.ProjectedConsumed is not null);
        var sb = new StringBuilder();
        Row(sb, [.. ContractCommitmentColumns, .. projected ? ProjectionColumns : []]);
        foreach (var p in periods)
        {
            var description = string.Create(CultureInfo.InvariantCulture,
                $"True-up period {p.Index} of {periods.Count}: {p.Commitment} at committed rates, {contract.CommittedDiscount * 100m:0.##}% off list");
            string?[] fields =
            [
                "USD", "Spend", Money(p.Commitment), Text(description), Text($"{contract.Name}#period-{p.Index}"), Date(p.EndExclusive),
                Date(p.Start), null, "Spend commitment", null, Text(contract.Name), Date(contract.End), Date(contract.Start),
            ];
            Row(sb, projected ? [.. fields, Money(p.ProjectedConsumed), Money(p.ProjectedPosition)] : fields);
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) sb.Append(',');
            sb.Append(f);
            first = false;
        }
        sb.Append('\n');
    }

    private static string Date(YearMonth month) => month.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string? Money(Usd? value) => value is { } v ? v.RoundedToCents.Value.ToString("0.00", CultureInfo.InvariantCulture) : null;

    private static string Number(decimal value) => Math.Round(value, 10, MidpointRounding.AwayFromZero).ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>A text field: a leading formula character defused, then quoted when it holds a comma, quote or line break.</summary>
    internal static string Text(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
